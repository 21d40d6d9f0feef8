import { randomBytes } from 'node:crypto';

/** A platform's client secret: 256 random bits, base64url (43 characters). */
export const newClientSecret = () => randomBytes(32).toString('base64url');

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Everything big (package cache, chroots, ISOs, images) lives here, never in the checkout. */
export const imageCacheDir = process.env.SIDBOX_IMAGE_CACHE ?? '/work/image-cache';

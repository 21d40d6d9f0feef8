import type { OidcClientInput } from '@sidbox/protocol';

/**
 * The demo city's online platform signing citizens in with the ID card: its citizen portal,
 * as a platform under development on this machine would be registered (names only, the
 * pseudonym `sub` always). Its secret is random and shown nowhere: renew it on the hub's
 * "Anmeldung mit Ausweis" page to connect a platform.
 */
export const demoOidcClients: OidcClientInput[] = [
  {
    clientId: 'stadtportal-demo',
    name: 'Stadtportal Bonn (Demo)',
    redirectUris: ['https://127.0.0.1:8443/auth/callback'],
    claims: ['given_name', 'family_name'],
  },
];

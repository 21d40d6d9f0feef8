/** The admin API's routes for members' platforms (docs/oidc-platforms.md, "In the hub"). */
const client = (clientId: string) => `/oidc-clients/${encodeURIComponent(clientId)}`;

export const oidcClientPaths = {
  list: (organisationId: string | undefined) =>
    organisationId ? `/oidc-clients?organisationId=${organisationId}` : '/oidc-clients',
  create: '/oidc-clients',
  client,
  secret: (clientId: string) => `${client(clientId)}/secret`,
  archive: (clientId: string) => `${client(clientId)}/archive`,
  restore: (clientId: string) => `${client(clientId)}/restore`,
};

/** The admin API's routes for members' eID apps (docs/member-apps.md, "Hub"), named once. */
const app = (appId: string) => `/eid-apps/${encodeURIComponent(appId)}`;

export const eidAppPaths = {
  list: (organisationId: string | undefined) =>
    organisationId ? `/eid-apps?organisationId=${organisationId}` : '/eid-apps',
  create: '/eid-apps',
  app,
  archive: (appId: string) => `${app(appId)}/archive`,
  restore: (appId: string) => `${app(appId)}/restore`,
  registrations: (appId: string) => `${app(appId)}/registrations`,
  persons: (appId: string) => `${app(appId)}/persons`,
  person: (appId: string, personId: string) => `${app(appId)}/persons/${personId}`,
  revokePerson: (appId: string, personId: string) => `${app(appId)}/persons/${personId}/revoke`,
  accessPoints: (appId: string) => `${app(appId)}/access-points`,
  revokeAccessPoint: (appId: string, pointId: string) =>
    `${app(appId)}/access-points/${pointId}/revoke`,
  decisions: (appId: string) => `${app(appId)}/decisions?limit=100`,
};

/** Where a member's app lives on the eID-Server's port (docs/member-apps.md). */
export const appPaths = {
  /** The access points' RefreshAddress: a plain "finished" page. */
  done: '/apps/done',
  app: (id: string) => `/apps/${id}`,
  start: (id: string) => `/apps/${id}/start`,
  result: (id: string, token: string) => `/apps/${id}/result/${token}`,
  form: (id: string, token: string) => `/apps/${id}/form/${token}`,
  check: (id: string, token: string) => `/apps/${id}/form/${token}/check`,
  finish: (id: string, token: string) => `/apps/${id}/form/${token}/done`,
  handOver: (id: string, token: string) => `/apps/${id}/form/${token}/handover`,
  reception: (id: string) => `/apps/${id}/handover`,
} as const;

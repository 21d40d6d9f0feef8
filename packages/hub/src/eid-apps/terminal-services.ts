import { eidAppServiceId, type EidApp, type ServiceEntry } from '@sidbox/protocol';

/** How an active app appears on its member's terminals: a tile starting on the eID-Server. */
export function appServiceEntry(app: EidApp, eidServerOrigin: string): ServiceEntry {
  return {
    id: eidAppServiceId(app.id),
    title: app.title,
    description: app.purpose,
    category: 'other',
    startUrl: `${eidServerOrigin}/apps/${app.id}?lang={lang}`,
    allowedOrigins: [],
    redirectOrigins: [],
    eid: true,
    selfCheck: false,
    allowDownloads: false,
    allowPrint: app.settings.kind === 'form' && app.settings.output === 'print',
    allowUpload: false,
  };
}

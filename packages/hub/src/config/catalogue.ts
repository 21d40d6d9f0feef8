import { ServiceEntry, type LocalizedText } from '@sidbox/protocol';
import type { ServiceRow, ServiceTable } from '../db/schema.js';

/** A catalogue row as the protocol's service entry. */
export function serviceEntryOf(row: ServiceRow): ServiceEntry {
  return {
    id: row.id,
    title: JSON.parse(row.title) as LocalizedText,
    description: JSON.parse(row.description) as LocalizedText,
    category: ServiceEntry.shape.category.parse(row.category),
    startUrl: row.start_url,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    redirectOrigins: JSON.parse(row.redirect_origins) as string[],
    eid: row.eid === 1,
    allowDownloads: row.allow_downloads === 1,
    allowPrint: row.allow_print === 1,
    allowUpload: row.allow_upload === 1,
    selfCheck: row.self_check === 1,
  };
}

/** The columns a service entry fills (everything but owner, archive flag and id). */
export function serviceColumnsOf(
  entry: Omit<ServiceEntry, 'id'>,
): Omit<ServiceTable, 'id' | 'organisation_id' | 'archived' | 'updated_at'> {
  return {
    title: JSON.stringify(entry.title),
    description: JSON.stringify(entry.description),
    category: entry.category,
    start_url: entry.startUrl,
    allowed_origins: JSON.stringify(entry.allowedOrigins),
    redirect_origins: JSON.stringify(entry.redirectOrigins),
    eid: entry.eid ? 1 : 0,
    allow_downloads: entry.allowDownloads ? 1 : 0,
    allow_print: entry.allowPrint ? 1 : 0,
    allow_upload: entry.allowUpload ? 1 : 0,
    self_check: entry.selfCheck ? 1 : 0,
  };
}

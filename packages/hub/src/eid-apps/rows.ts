import {
  AccessWindow,
  EidAppSettings,
  type EidApp,
  type EidAppInput,
  type LocalizedText,
} from '@sidbox/protocol';
import type { EidAppRow, EidAppTable } from '../db/schema.js';

/** An app row as the protocol's app. */
export function eidAppOf(row: EidAppRow): EidApp {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    title: JSON.parse(row.title) as LocalizedText,
    purpose: JSON.parse(row.purpose) as LocalizedText,
    settings: EidAppSettings.parse(JSON.parse(row.settings)),
    archived: row.archived === 1,
    updatedAt: row.updated_at,
  };
}

/** The columns an admin's input fills (everything but id, owner, archive flag and times). */
export function eidAppColumnsOf(
  input: Omit<EidAppInput, 'id'>,
): Pick<EidAppTable, 'kind' | 'title' | 'purpose' | 'settings'> {
  return {
    kind: input.settings.kind,
    title: JSON.stringify(input.title),
    purpose: JSON.stringify(input.purpose),
    settings: JSON.stringify(input.settings),
  };
}

const Windows = AccessWindow.array();

/** Access windows stored as JSON text. */
export const windowsOf = (text: string): AccessWindow[] => Windows.parse(JSON.parse(text));

import type { SurveyResponse, TelemetryEvent } from '@sidbox/protocol';
import type { TerminalActor } from '../../auth/actor.js';
import type { HubDb } from '../../db/connect.js';
import type { SurveyResponseTable, TelemetryEventTable } from '../../db/schema.js';

const dayOf = (isoTime: string) => new Date(isoTime).toISOString().slice(0, 10);

function eventRow(
  terminal: TerminalActor,
  event: TelemetryEvent,
  receivedAt: string,
): TelemetryEventTable {
  return {
    terminal_id: terminal.terminalId,
    id: event.id,
    organisation_id: terminal.organisationId,
    type: event.type,
    training: event.training ? 1 : 0,
    terminal_time: event.terminalTime,
    day: dayOf(event.terminalTime),
    received_at: receivedAt,
    reason: event.type === 'session-ended' ? event.reason : null,
    duration_seconds: event.type === 'session-ended' ? event.durationSeconds : null,
    service_id: event.type === 'service-opened' ? event.serviceId : null,
    workflow: event.type === 'eid-outcome' ? event.workflow : null,
    outcome_code: event.type === 'eid-outcome' ? event.code : null,
  };
}

/**
 * Stores a telemetry batch in one multi-row insert; an event id already stored for this terminal
 * is skipped, so a batch delivered any number of times has the effect of one delivery. Events of
 * days before `cutoffDay` are past retention (already folded into daily aggregates, where their
 * ids are gone) and are not stored either: they count as duplicates. '' keeps every day.
 */
export async function ingestTelemetry(
  db: HubDb,
  terminal: TerminalActor,
  events: TelemetryEvent[],
  cutoffDay = '',
) {
  const receivedAt = new Date().toISOString();
  const rows = events
    .map((e) => eventRow(terminal, e, receivedAt))
    .filter((row) => row.day >= cutoffDay);
  if (rows.length === 0) return { stored: 0, duplicates: events.length };
  const result = await db
    .insertInto('telemetry_events')
    .values(rows)
    .onConflict((oc) => oc.columns(['terminal_id', 'id']).doNothing())
    .executeTakeFirst();
  const stored = Number(result.numInsertedOrUpdatedRows ?? 0);
  return { stored, duplicates: events.length - stored };
}

function responseRow(
  terminal: TerminalActor,
  r: SurveyResponse,
  receivedAt: string,
): SurveyResponseTable {
  return {
    terminal_id: terminal.terminalId,
    id: r.id,
    organisation_id: terminal.organisationId,
    training: r.training ? 1 : 0,
    day: dayOf(r.terminalTime),
    received_at: receivedAt,
    informative: r.answers.informative,
    shows_uses: r.answers['shows-uses'],
    faster: r.answers.faster,
    permanent_terminal: r.answers['permanent-terminal'],
    frees_staff: r.answers['frees-staff'],
    security_concerns: r.answers['security-concerns'],
    comment: r.comment ? r.comment : null,
  };
}

/** Stores survey responses, idempotent by response id like telemetry. */
export async function ingestSurveys(
  db: HubDb,
  terminal: TerminalActor,
  responses: SurveyResponse[],
) {
  const receivedAt = new Date().toISOString();
  const result = await db
    .insertInto('survey_responses')
    .values(responses.map((r) => responseRow(terminal, r, receivedAt)))
    .onConflict((oc) => oc.columns(['terminal_id', 'id']).doNothing())
    .executeTakeFirst();
  const stored = Number(result.numInsertedOrUpdatedRows ?? 0);
  return { stored, duplicates: responses.length - stored };
}

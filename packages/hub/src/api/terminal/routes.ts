import { z } from 'zod';
import { Heartbeat, SurveyBatch, TelemetryBatch } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../http.js';
import { terminalOf } from '../http.js';
import { issueConfig } from '../../config/render.js';
import { ingestSurveys, ingestTelemetry } from './ingest.js';

const tags = ['terminal'];
const security = [{ terminal: [] }];
const ConfigHeaders = z.object({ 'if-none-match': z.string().max(200).optional() });

/** What terminals call, outbound: signed config, heartbeat, telemetry and survey batches. */
export function registerTerminalApiRoutes(app: HubApp, { db, metrics, eidServer }: HubDeps): void {
  app.get(
    '/config',
    {
      schema: {
        tags,
        security,
        summary: 'The signed configuration (ETag; 304 when unchanged)',
        headers: ConfigHeaders,
      },
    },
    async (request, reply) => {
      const terminal = terminalOf(request);
      const bundle = await issueConfig(db, terminal.terminalId, eidServer);
      reply.header('etag', bundle.etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === bundle.etag) return reply.status(304).send();
      return { version: bundle.version, config: bundle.config, keyChain: bundle.keyChain };
    },
  );

  app.post(
    '/heartbeat',
    { schema: { tags, security, summary: 'Device facts, every minute', body: Heartbeat } },
    async (request) => {
      const terminal = terminalOf(request);
      await db
        .updateTable('terminals')
        .set({
          last_seen_at: new Date().toISOString(),
          last_heartbeat: JSON.stringify(request.body),
        })
        .where('id', '=', terminal.terminalId)
        .execute();
      metrics.heartbeats.inc();
      return { ok: true };
    },
  );

  app.post(
    '/telemetry',
    {
      schema: {
        tags,
        security,
        summary: 'A batch of anonymous events (idempotent by id)',
        body: TelemetryBatch,
      },
    },
    async (request) => {
      const result = await ingestTelemetry(db, terminalOf(request), request.body.events);
      metrics.telemetryEvents.labels('stored').inc(result.stored);
      metrics.telemetryEvents.labels('duplicate').inc(result.duplicates);
      return result;
    },
  );

  app.post(
    '/surveys',
    {
      schema: {
        tags,
        security,
        summary: 'A batch of survey responses (idempotent by id)',
        body: SurveyBatch,
      },
    },
    async (request) => ingestSurveys(db, terminalOf(request), request.body.responses),
  );
}

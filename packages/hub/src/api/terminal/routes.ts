import { z } from 'zod';
import { Heartbeat, SurveyBatch, TelemetryBatch } from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../http.js';
import { terminalOf } from '../http.js';
import { issueConfig } from '../../config/render.js';
import { claimTerminalToken } from '../../auth/terminal-token.js';
import { HubError } from '../../errors.js';
import { defaultTelemetryRetentionDays, retentionCutoffDay } from '../../telemetry/retention.js';
import { heartbeatRecorder } from './heartbeat.js';
import { ingestSurveys, ingestTelemetry } from './ingest.js';

const tags = ['terminal'];
const security = [{ terminal: [] }];
const ConfigHeaders = z.object({ 'if-none-match': z.string().max(200).optional() });

/** What terminals call, outbound: signed config, heartbeat, telemetry and survey batches. */
export function registerTerminalApiRoutes(app: HubApp, deps: HubDeps): void {
  const { db, metrics, eidServer } = deps;
  const retentionDays = deps.telemetryRetentionDays ?? defaultTelemetryRetentionDays;
  const recordHeartbeat = heartbeatRecorder(db);
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
    {
      schema: { tags, security, summary: 'Device facts, every minute', body: Heartbeat },
      // The hot path: the token is recorded in the heartbeat's own statement. A malformed body
      // still uses up the token first, as on every other route.
      config: { claimsTerminalToken: true },
      attachValidation: true,
    },
    async (request) => {
      const token = request.terminalToken;
      if (!token) throw new HubError('not-authenticated', 'terminal token required');
      if (request.validationError) {
        await claimTerminalToken(db, token);
        throw request.validationError;
      }
      await recordHeartbeat(token, request.body);
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
      const cutoffDay = retentionCutoffDay(new Date(), retentionDays);
      const result = await ingestTelemetry(db, terminalOf(request), request.body.events, cutoffDay);
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

import {
  ConfigPreviewResponse,
  CredentialResponse,
  EnrolledTerminalResponse,
  ServiceSelectionResponse,
  TerminalListResponse,
  TerminalResponse,
} from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import type { AdminActor } from '../../../auth/actor.js';
import { renderConfig } from '../../../config/render.js';
import type { HubDb } from '../../../db/connect.js';
import type { TerminalRow } from '../../../db/schema.js';
import { notFound } from '../../../errors.js';
import { canRead, readScope, requireManage } from '../../../policies.js';
import {
  enrollTerminal,
  findTerminal,
  reissueCredential,
  revokeTerminal,
  selectServices,
  serviceSelection,
  updateTerminal,
} from './commands.js';
import { presentTerminal } from './presenter.js';
import {
  CreateTerminalBody,
  ServiceSelectionBody,
  TerminalListQuery,
  TerminalParams,
  UpdateTerminalBody,
} from './schema.js';

const tags = ['terminals'];

async function readableTerminal(db: HubDb, actor: AdminActor, id: string): Promise<TerminalRow> {
  const terminal = await findTerminal(db, id);
  if (!terminal || !canRead(actor, terminal.organisation_id)) throw notFound('terminal');
  return terminal;
}

async function managedTerminal(db: HubDb, actor: AdminActor, id: string): Promise<TerminalRow> {
  const terminal = await readableTerminal(db, actor, id);
  requireManage(actor, terminal.organisation_id);
  return terminal;
}

/** Terminals one admin may enroll a minute: a fleet's rollout, not a runaway script. */
const enrollmentsPerMinute = 60;

/** The fleet: enrollment, credentials, revocation, settings, service selection, preview. */
export function registerTerminalRoutes(app: HubApp, { db, publicUrl, eidServer }: HubDeps): void {
  app.get(
    '/terminals',
    {
      schema: {
        tags,
        summary: 'Terminals you may see, with health',
        querystring: TerminalListQuery,
        response: { 200: TerminalListResponse },
      },
    },
    async (request) => {
      const scope = readScope(adminOf(request), request.query.organisationId);
      let query = db.selectFrom('terminals').selectAll().orderBy('name').orderBy('id');
      if (scope) query = query.where('organisation_id', '=', scope);
      const now = new Date();
      return { terminals: (await query.execute()).map((t) => presentTerminal(t, now)) };
    },
  );

  app.get(
    '/terminals/:id',
    {
      schema: {
        tags,
        summary: 'One terminal',
        params: TerminalParams,
        response: { 200: TerminalResponse },
      },
    },
    async (request) => {
      const terminal = await readableTerminal(db, adminOf(request), request.params.id);
      return { terminal: presentTerminal(terminal) };
    },
  );

  app.post(
    '/terminals',
    {
      schema: {
        tags,
        summary: 'Enroll a terminal; answers its one-time credential',
        body: CreateTerminalBody,
        response: { 201: EnrolledTerminalResponse },
      },
      // Counted per admin once signed in, in the database (every instance shares the count).
      config: {
        rateLimit: {
          max: enrollmentsPerMinute,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => `enroll:${adminOf(request).userId}`,
        },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      if (!canRead(actor, request.body.organisationId)) throw notFound('organisation');
      requireManage(actor, request.body.organisationId);
      const { terminal, credential } = await enrollTerminal(db, actor, request.body, publicUrl());
      return reply.status(201).send({ terminal: presentTerminal(terminal), credential });
    },
  );

  app.patch(
    '/terminals/:id',
    {
      schema: {
        tags,
        summary: 'Change settings',
        params: TerminalParams,
        body: UpdateTerminalBody,
        response: { 200: TerminalResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const terminal = await managedTerminal(db, actor, request.params.id);
      await updateTerminal(db, actor, terminal, request.body);
      return { terminal: presentTerminal(await readableTerminal(db, actor, terminal.id)) };
    },
  );

  app.post(
    '/terminals/:id/credential',
    {
      schema: {
        tags,
        summary: 'Issue a new credential (the old key stops working)',
        params: TerminalParams,
        response: { 200: CredentialResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const terminal = await managedTerminal(db, actor, request.params.id);
      return { credential: await reissueCredential(db, actor, terminal, publicUrl()) };
    },
  );

  app.post(
    '/terminals/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a terminal for good',
        params: TerminalParams,
        response: { 200: TerminalResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const terminal = await managedTerminal(db, actor, request.params.id);
      await revokeTerminal(db, actor, terminal);
      return { terminal: presentTerminal(await readableTerminal(db, actor, terminal.id)) };
    },
  );

  app.get(
    '/terminals/:id/config-preview',
    {
      schema: {
        tags,
        summary: 'The configuration the terminal would get now',
        params: TerminalParams,
        response: { 200: ConfigPreviewResponse },
      },
    },
    async (request) => {
      const terminal = await readableTerminal(db, adminOf(request), request.params.id);
      return { config: await renderConfig(db, terminal.id, eidServer) };
    },
  );

  app.get(
    '/terminals/:id/services',
    {
      schema: {
        tags,
        summary: 'Selected services in display order',
        params: TerminalParams,
        response: { 200: ServiceSelectionResponse },
      },
    },
    async (request) => {
      const terminal = await readableTerminal(db, adminOf(request), request.params.id);
      return { serviceIds: await serviceSelection(db, terminal.id) };
    },
  );

  app.put(
    '/terminals/:id/services',
    {
      schema: {
        tags,
        summary: 'Set selected services and their order',
        params: TerminalParams,
        body: ServiceSelectionBody,
        response: { 200: ServiceSelectionResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const terminal = await managedTerminal(db, actor, request.params.id);
      await selectServices(db, actor, terminal, request.body);
      return { serviceIds: await serviceSelection(db, terminal.id) };
    },
  );
}

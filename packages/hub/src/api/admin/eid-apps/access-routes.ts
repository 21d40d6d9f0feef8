import {
  AccessDecisionListResponse,
  AccessGrantBody,
  AccessPointBody,
  AccessPointCreatedResponse,
  AccessPointListResponse,
  AccessPointResponse,
  AccessRegistrationCreatedResponse,
  AccessRegistrationListResponse,
  RegisteredPersonListResponse,
  RegisteredPersonResponse,
} from '@sidbox/protocol';
import type { HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import type { AdminActor } from '../../../auth/actor.js';
import type { HubDb } from '../../../db/connect.js';
import type { EidAppRow } from '../../../db/schema.js';
import { HubError } from '../../../errors.js';
import { currentPublicKey } from '../../../signing/keys.js';
import {
  createAccessPoint,
  createRegistration,
  findAccessPoint,
  findPerson,
  listAccessPoints,
  listDecisions,
  listPersons,
  listRegistrations,
  revokeAccessPoint,
  revokePerson,
  updatePerson,
} from './access-commands.js';
import {
  presentAccessPoint,
  presentDecision,
  presentPerson,
  presentRegistration,
} from './presenter.js';
import { requireEidServer } from '../member-records.js';
import { eidAppTags, managedEidApp, readableEidApp } from './routes.js';
import { AccessPointParams, DecisionListQuery, EidAppParams, PersonParams } from './schema.js';

function requireAccessApp(app: EidAppRow): EidAppRow {
  if (app.kind !== 'access')
    throw new HubError('not-an-access-app', `"${app.id}" is a "${app.kind}" app, not door access`);
  return app;
}

function requireActive(app: EidAppRow): EidAppRow {
  if (app.archived === 1) throw new HubError('eid-app-archived', 'restore the app first');
  return app;
}

const readable = async (db: HubDb, actor: AdminActor, id: string) =>
  requireAccessApp(await readableEidApp(db, actor, id));
const managed = async (db: HubDb, actor: AdminActor, id: string) =>
  requireAccessApp(await managedEidApp(db, actor, id));

/** Door access apps: registration codes, registered persons, access points, the decision log. */
export function registerAccessAdminRoutes(
  app: HubApp,
  { db, eidServer, publicUrl }: HubDeps,
): void {
  app.post(
    '/eid-apps/:id/registrations',
    {
      schema: {
        tags: eidAppTags,
        summary: 'A one-time registration code for a person (shown once, valid 7 days)',
        params: EidAppParams,
        body: AccessGrantBody,
        response: { 201: AccessRegistrationCreatedResponse },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      const found = requireActive(await managed(db, actor, request.params.id));
      const { registration, code } = await createRegistration(db, actor, found, request.body);
      return reply.status(201).send({
        registration: presentRegistration(registration),
        code,
        expiresAt: registration.expires_at,
      });
    },
  );

  app.get(
    '/eid-apps/:id/registrations',
    {
      schema: {
        tags: eidAppTags,
        summary: 'Registration codes handed out (without the codes), newest first',
        params: EidAppParams,
        response: { 200: AccessRegistrationListResponse },
      },
    },
    async (request) => {
      const found = await readable(db, adminOf(request), request.params.id);
      return { registrations: (await listRegistrations(db, found)).map(presentRegistration) };
    },
  );

  app.get(
    '/eid-apps/:id/persons',
    {
      schema: {
        tags: eidAppTags,
        summary: 'Registered persons, revoked ones too',
        params: EidAppParams,
        response: { 200: RegisteredPersonListResponse },
      },
    },
    async (request) => {
      const found = await readable(db, adminOf(request), request.params.id);
      return { persons: (await listPersons(db, found)).map(presentPerson) };
    },
  );

  app.put(
    '/eid-apps/:id/persons/:personId',
    {
      schema: {
        tags: eidAppTags,
        summary: "Change a person's label and access windows",
        params: PersonParams,
        body: AccessGrantBody,
        response: { 200: RegisteredPersonResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const found = await managed(db, actor, request.params.id);
      const person = await findPerson(db, found, request.params.personId);
      return { person: presentPerson(await updatePerson(db, actor, found, person, request.body)) };
    },
  );

  app.post(
    '/eid-apps/:id/persons/:personId/revoke',
    {
      schema: {
        tags: eidAppTags,
        summary: "Revoke a person's access",
        params: PersonParams,
        response: { 200: RegisteredPersonResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const found = await managed(db, actor, request.params.id);
      const person = await findPerson(db, found, request.params.personId);
      return { person: presentPerson(await revokePerson(db, actor, found, person)) };
    },
  );

  app.post(
    '/eid-apps/:id/access-points',
    {
      schema: {
        tags: eidAppTags,
        summary: 'Add an access point; answers its bearer token once',
        params: EidAppParams,
        body: AccessPointBody,
        response: { 201: AccessPointCreatedResponse },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      const found = requireActive(await managed(db, actor, request.params.id));
      // The point needs the eID-Server for every pseudonym: none configured, no point.
      requireEidServer(eidServer, 'no access point can work');
      const { accessPoint, token } = await createAccessPoint(db, actor, found, request.body.name);
      return reply.status(201).send({
        accessPoint: presentAccessPoint(accessPoint),
        token,
        hubUrl: publicUrl(),
        trustAnchor: await currentPublicKey(db),
        eidServerOrigin: eidServer.origin,
      });
    },
  );

  app.get(
    '/eid-apps/:id/access-points',
    {
      schema: {
        tags: eidAppTags,
        summary: 'Access points, revoked ones too',
        params: EidAppParams,
        response: { 200: AccessPointListResponse },
      },
    },
    async (request) => {
      const found = await readable(db, adminOf(request), request.params.id);
      return { accessPoints: (await listAccessPoints(db, found)).map(presentAccessPoint) };
    },
  );

  app.post(
    '/eid-apps/:id/access-points/:pointId/revoke',
    {
      schema: {
        tags: eidAppTags,
        summary: 'Revoke an access point for good',
        params: AccessPointParams,
        response: { 200: AccessPointResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const found = await managed(db, actor, request.params.id);
      const point = await findAccessPoint(db, found, request.params.pointId);
      return { accessPoint: presentAccessPoint(await revokeAccessPoint(db, actor, found, point)) };
    },
  );

  app.get(
    '/eid-apps/:id/decisions',
    {
      schema: {
        tags: eidAppTags,
        summary: 'Door decisions, newest first',
        params: EidAppParams,
        querystring: DecisionListQuery,
        response: { 200: AccessDecisionListResponse },
      },
    },
    async (request) => {
      const found = await readable(db, adminOf(request), request.params.id);
      const rows = await listDecisions(db, found, request.query.limit);
      return { decisions: rows.map(presentDecision) };
    },
  );
}

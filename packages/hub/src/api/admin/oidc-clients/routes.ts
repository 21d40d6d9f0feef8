import {
  CreateOidcClientBody,
  OidcClientListResponse,
  OidcClientResponse,
  OidcClientSecretResponse,
  UpdateOidcClientBody,
} from '@sidbox/protocol';
import type { EidServerLink, HubApp, HubDeps } from '../../http.js';
import { adminOf } from '../../http.js';
import type { AdminActor } from '../../../auth/actor.js';
import type { HubDb } from '../../../db/connect.js';
import type { OidcClientRow } from '../../../db/schema.js';
import { findOidcClient } from '../../../oidc-clients/queries.js';
import { oidcClientOf } from '../../../oidc-clients/rows.js';
import { clientSecretOf } from '../../../oidc-clients/secret.js';
import { readScope } from '../../../policies.js';
import { managedMember, managedRecord, requireEidServer } from '../member-records.js';
import {
  createOidcClient,
  renewOidcClientSecret,
  setOidcClientArchived,
  updateOidcClient,
} from './commands.js';
import { OidcClientListQuery, OidcClientParams } from './schema.js';

const tags = ['oidc-clients'];

/** The OpenID provider's issuer on the eID-Server: what a platform's settings name. */
const oidcIssuerOf = (eidServer: EidServerLink | undefined) =>
  eidServer ? `${eidServer.origin}/oidc` : null;

/** A platform the actor manages (archived too); another member's does not exist for them (404). */
const managedOidcClient = async (
  db: HubDb,
  actor: AdminActor,
  clientId: string,
): Promise<OidcClientRow> => managedRecord(await findOidcClient(db, clientId), actor, 'platform');

/**
 * Members' online platforms ("Mit dem Personalausweis anmelden"): list, register, change,
 * archive, restore, renew the secret.
 */
export function registerOidcClientRoutes(app: HubApp, { db, eidServer }: HubDeps): void {
  const issuer = oidcIssuerOf(eidServer);
  const withSecret = (row: OidcClientRow) => ({
    client: oidcClientOf(row),
    clientSecret: clientSecretOf(db, row),
    issuer,
  });

  app.get(
    '/oidc-clients',
    {
      schema: {
        tags,
        summary: 'Platforms you may see, archived ones too (never their secrets)',
        querystring: OidcClientListQuery,
        response: { 200: OidcClientListResponse },
      },
    },
    async (request) => {
      const scope = readScope(adminOf(request), request.query.organisationId);
      let query = db.selectFrom('oidc_clients').selectAll().orderBy('client_id');
      if (scope) query = query.where('organisation_id', '=', scope);
      return { clients: (await query.execute()).map(oidcClientOf), issuer };
    },
  );

  app.post(
    '/oidc-clients',
    {
      schema: {
        tags,
        summary: 'Register a platform for a member; its secret is shown only in this answer',
        body: CreateOidcClientBody,
        response: { 201: OidcClientSecretResponse },
      },
    },
    async (request, reply) => {
      const actor = adminOf(request);
      const { organisationId: named, ...input } = request.body;
      const member = await managedMember(db, actor, named, 'platform');
      requireEidServer(eidServer, 'no platform can sign in with it');
      const row = await createOidcClient(db, actor, member.id, input);
      return reply.status(201).send(withSecret(row));
    },
  );

  app.put(
    '/oidc-clients/:clientId',
    {
      schema: {
        tags,
        summary: "Change a platform's name, redirect URIs, claims and minimum age (not its id)",
        params: OidcClientParams,
        body: UpdateOidcClientBody,
        response: { 200: OidcClientResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const found = await managedOidcClient(db, actor, request.params.clientId);
      return { client: oidcClientOf(await updateOidcClient(db, actor, found, request.body)) };
    },
  );

  app.post(
    '/oidc-clients/:clientId/secret',
    {
      schema: {
        tags,
        summary: 'Renew the secret: the new one is shown only in this answer, the old one stops',
        params: OidcClientParams,
        response: { 200: OidcClientSecretResponse },
      },
    },
    async (request) => {
      const actor = adminOf(request);
      const found = await managedOidcClient(db, actor, request.params.clientId);
      return withSecret(await renewOidcClientSecret(db, actor, found));
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/oidc-clients/:clientId/${action}`,
      {
        schema: {
          tags,
          summary: archived
            ? 'Archive a platform: nobody signs in to it any more'
            : 'Restore an archived platform',
          params: OidcClientParams,
          response: { 200: OidcClientResponse },
        },
      },
      async (request) => {
        const actor = adminOf(request);
        const found = await managedOidcClient(db, actor, request.params.clientId);
        return { client: oidcClientOf(await setOidcClientArchived(db, actor, found, archived)) };
      },
    );
  }
}

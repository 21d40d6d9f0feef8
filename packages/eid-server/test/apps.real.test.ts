import { createHash } from 'node:crypto';
import type { EidStep, Outcome } from '@sidbox/protocol';
import { AusweisAppSupervisor, startAuthentication } from '@sidbox/eid';
import { silentLogger } from '@sidbox/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistration } from '../../hub/src/api/admin/eid-apps/access-commands.js';
import { createEidApp } from '../../hub/src/api/admin/eid-apps/commands.js';
import { findEidApp } from '../../hub/src/eid-apps/queries.js';
import { accessAppOf, formAppInput, uniqueAppId } from '../../hub/test/helpers/eid-apps.js';
import {
  seedWorld,
  startTestHub,
  testEidServer,
  type TestHub,
  type World,
} from '../../hub/test/helpers/hub.js';
import { ecPrivateKeyFromPem, ecPublicKeyOf, ecSharedX } from '../src/crypto/brainpool.js';
import type { TestSetup } from '../src/pki/test-setup.js';
import {
  freePort,
  lostSimulatorRace,
  SIMULATOR_ATTEMPTS,
  SIMULATOR_RI_KEY_2,
  startTestEidServer,
  type TestEidServer,
} from './helpers/eid-server.js';
import { httpsRequest } from './helpers/https-client.js';

// Members' apps end to end: the real hub (SQLite) holds two members' apps, the eID-Server pulls
// them over HTTP, and the real AusweisApp 1.26.2 with its Simulator card (ERIKA MUSTERMANN) runs
// an age app, a form app and both members' door registrations.

let hub: TestHub;
let world: World;
let eidServer: TestEidServer;
let setup: TestSetup;
let ca: string;
let logLines: string[];
/** Made before the eID-Server's first look at the hub: it caches the list for 30 s. */
/** The pseudonym hashes the hub stored, to look for in the log. */
const hashes: string[] = [];
const apps = { age: uniqueAppId('ab18'), form: uniqueAppId('meldeschein'), doors: [] as string[] };

beforeAll(async () => {
  const port = await freePort();
  hub = await startTestHub('sqlite', {
    eidServer: { origin: `https://127.0.0.1:${port}`, apiKey: testEidServer.apiKey },
  });
  world = await seedWorld(hub.db, hub.url);
  await createEidApp(hub.db, undefined, world.memberA.id, {
    id: apps.age,
    title: { de: 'Altersprüfung' },
    purpose: { de: 'Einlass ab 18' },
    settings: { kind: 'age', minimumAge: 18 },
  });
  await createEidApp(hub.db, undefined, world.memberB.id, formAppInput(apps.form));
  for (const member of [world.memberA, world.memberB])
    apps.doors.push((await accessAppOf(hub.db, member.id)).id);
  eidServer = await startTestEidServer({
    port,
    members: [
      { organisationId: world.memberA.id, name: world.memberA.name },
      { organisationId: world.memberB.id, name: world.memberB.name },
    ],
    hub: { url: hub.url, apiKey: testEidServer.apiKey },
  });
  ({ setup, ca, logLines } = eidServer);
});
afterAll(async () => {
  await eidServer?.close();
  await hub?.close();
});

const get = (path: string) => httpsRequest(new URL(path, setup.publicOrigin).href, { ca });

/**
 * Opens the app's start address as the kiosk would, hands the TC token URL to AusweisApp, and
 * answers like a citizen at the Simulator's keypad; run again only after a lost Simulator race.
 */
async function runApp(
  startPath: string,
): Promise<{ outcome: Outcome; consent: EidStep | undefined }> {
  for (let attempt = 1; ; attempt++) {
    const start = await get(startPath);
    expect(start.status).toBe(303);
    const tcTokenURL =
      new URL(String(start.headers['location'])).searchParams.get('tcTokenURL') ?? '';
    const sessionId = new URL(tcTokenURL).pathname.split('/').at(-1) ?? '';
    const supervisor = new AusweisAppSupervisor({ acceptTestPki: true, logger: silentLogger() });
    try {
      const workflow = startAuthentication(await supervisor.start(), { tcTokenURL });
      let consent: EidStep | undefined;
      const answer = (step: EidStep): void => {
        if (step.step === 'access-rights') {
          consent = step;
          workflow.act({ type: 'accept' });
        }
        if (step.step === 'insert-card') workflow.act({ type: 'insert-card', reader: 'Simulator' });
        if (step.step === 'enter-pin') workflow.act({ type: 'pin' });
      };
      workflow.onStep(answer);
      answer(workflow.step);
      const outcome = await workflow.done;
      if (attempt < SIMULATOR_ATTEMPTS && lostSimulatorRace({ logLines }, sessionId)) continue;
      return { outcome, consent };
    } finally {
      await supervisor.stop();
    }
  }
}

/** The result page AusweisApp's final AUTH names (the RefreshAddress). */
async function resultPage(outcome: Outcome) {
  expect(outcome).toMatchObject({ code: 'auth-success' });
  const url = new URL((outcome as { url?: string }).url ?? '');
  return get(url.pathname + url.search);
}

describe("members' apps with the real hub, AusweisApp and its Simulator card", () => {
  it('an age app answers "older than 18" without asking for the date of birth', async () => {
    const { outcome, consent } = await runApp(`/apps/${apps.age}/start?lang=de`);
    expect(consent).toMatchObject({ required: ['AgeVerification'] });
    const page = await resultPage(outcome);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Ja, älter als 18');
  });

  it('a form app shows the card data, takes the fields and deletes it all on "Fertig"', async () => {
    const { outcome } = await runApp(`/apps/${apps.form}/start?lang=de`);
    const result = await resultPage(outcome);
    expect(result.status).toBe(303);
    const formUrl = new URL(String(result.headers['location']), setup.publicOrigin);
    const form = await get(formUrl.pathname + formUrl.search);
    for (const value of ['ERIKA', 'MUSTERMANN', 'HEIDESTRA', 'KÖLN'])
      expect(form.body).toContain(value);
    const done = await httpsRequest(
      new URL(`${formUrl.pathname}/done${formUrl.search}`, setup.publicOrigin).href,
      {
        ca,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      },
    );
    expect(done.body).toContain('Ihre Angaben wurden gelöscht.');
    expect((await get(formUrl.pathname + formUrl.search)).status).toBe(404);
  });

  it("two members' door apps register two different pseudonyms for the same card", async () => {
    for (const [index, appId] of apps.doors.entries()) {
      const app = await findEidApp(hub.db, appId);
      if (!app) throw new Error(`no app ${appId}`);
      const { code } = await createRegistration(hub.db, undefined, app, {
        label: `Karte ${index}`,
        windows: [],
      });
      const page = await resultPage(
        (await runApp(`/apps/${app.id}/start?lang=de&code=${code}`)).outcome,
      );
      expect(page.body).toContain(`Registriert: Karte ${index}`);
      const person = await hub.db
        .selectFrom('access_persons')
        .select('pseudonym_hash')
        .where('app_id', '=', app.id)
        .executeTakeFirstOrThrow();
      const sectorKey = ecPrivateKeyFromPem(
        setup.pki.moreTerminals[index]?.sectorPrivateKeyPem ?? '',
      );
      const pseudonym = createHash('sha256')
        .update(ecSharedX(sectorKey, ecPublicKeyOf(SIMULATOR_RI_KEY_2)))
        .digest('hex');
      expect(person.pseudonym_hash).toBe(createHash('sha256').update(pseudonym).digest('hex'));
      hashes.push(person.pseudonym_hash);
    }
    expect(hashes[0]).not.toBe(hashes[1]);
  });

  it('logs no card data and no pseudonym', () => {
    const log = logLines.join('\n');
    for (const secret of ['ERIKA', 'MUSTERMANN', 'HEIDESTRA', '19640812', ...hashes])
      expect(log).not.toContain(secret);
  });
});

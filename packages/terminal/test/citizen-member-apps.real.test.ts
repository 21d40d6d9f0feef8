import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eidAppServiceId,
  LocalTerminalConfig,
  type AccessRegistrationCreatedResponse,
  type EidAppInput,
  type EidAppResponse,
  type Outcome,
  type RegisteredPersonListResponse,
} from '@sidbox/protocol';
import { loadEidServerConfig, startEidServer, writeTestSetup } from '@sidbox/eid-server';
import { texts } from '../../eid-server/src/apps/texts.js';
import {
  capturingLogger,
  freePort,
  lostSimulatorRace,
  sessionStartedSince,
  SIMULATOR_ATTEMPTS,
} from '../../eid-server/test/helpers/eid-server.js';
import { enrollTerminal, restartableHub } from './helpers/hub-sync.js';
import { eidStepReached } from './helpers/hub-terminal.js';
import { nextDaemonEvent } from './helpers/daemon-waits.js';
import { startCups, type TestCups } from './helpers/devices/cupsd.js';
import { wcagViolations } from './helpers/citizen/axe.js';
import { byRole, type Citizen } from './helpers/citizen/citizen.js';
import {
  nextCitizen,
  startCitizenTerminal,
  type CitizenTerminal,
} from './helpers/citizen/terminal.js';
import { landsOn, nextOutcome, within } from './helpers/citizen/waits.js';
import {
  personalDataFound,
  simulatorCitizen,
  terminalScratchDirs,
} from './helpers/privacy-scan.js';

// Members' eID apps end to end, as a hotel guest, a club member and a young customer meet them:
// a REAL hub (SQLite) where the member configured its apps, our eID-Server running them with the
// member's own test certificate and sector, the REAL terminal daemon with the kiosk Chromium and
// a cupsd PDF printer, and the REAL AusweisApp 1.26.2 with its Simulator card (ERIKA
// MUSTERMANN). After each flow, nothing about ERIKA is anywhere on disk or in any log.

const QUEUE = 'sidbox-apps';
const lang = 'de';

const checkIn: EidAppInput = {
  id: 'meldeschein',
  title: { de: 'Meldeschein Hotel Aurora', en: 'Hotel Aurora registration' },
  purpose: { de: 'Anmeldung bei der Ankunft (Bundesmeldegesetz § 30)' },
  settings: {
    kind: 'form',
    cardData: ['givenNames', 'familyNames', 'dateOfBirth', 'placeOfResidence'],
    fields: [
      { id: 'abreise', label: { de: 'Abreise' }, type: 'date', required: true },
      { id: 'email', label: { de: 'E-Mail' }, type: 'email', required: false },
    ],
    output: 'print',
  },
};
const door: EidAppInput = {
  id: 'werkstatt-tuer',
  title: { de: 'Werkstatt-Tür' },
  purpose: { de: 'Zutritt zur Werkstatt mit dem Ausweis' },
  settings: { kind: 'access' },
};
const ageCheck: EidAppInput = {
  id: 'ab-18',
  title: { de: 'Alterskontrolle ab 18' },
  purpose: { de: 'Jugendschutz: nur Volljährige' },
  settings: { kind: 'age', minimumAge: 18 },
};

let dir: string;
let hub: Awaited<ReturnType<typeof restartableHub>>;
let eidServer: Awaited<ReturnType<typeof startEidServer>>;
const eidLog: string[] = [];
const hubLog: string[] = [];
const terminalLog: string[] = [];
let cups: TestCups;
let terminal: CitizenTerminal;
let terminalDir: string;
let eidOrigin: string;
let memberId: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-member-apps-'));
  const eidPort = await freePort();
  eidOrigin = `https://127.0.0.1:${eidPort}`;
  const eidServerKey = randomBytes(24).toString('base64url');
  hub = await restartableHub('sqlite', {
    eidServer: { origin: eidOrigin, apiKey: eidServerKey },
    logger: capturingLogger(hubLog),
  });
  const { organisationId, credential } = await enrollTerminal(hub.admin);
  memberId = organisationId;
  const setup = await writeTestSetup(join(dir, 'eid-server'), {
    host: '127.0.0.1',
    port: eidPort,
    members: [{ organisationId, name: 'Hotel Aurora' }],
    hub: { url: hub.url, apiKey: eidServerKey },
  });
  const config = await loadEidServerConfig(setup.configFile);
  eidServer = await startEidServer(config, capturingLogger(eidLog));
  cups = await startCups(join(dir, 'cups'), QUEUE);
  terminal = await startCitizenTerminal({
    config: LocalTerminalConfig.parse({
      branding: { memberName: 'Hotel Aurora' },
      testEidServer: { tlsSpkiSha256: [setup.tlsSpkiSha256] },
      devices: { printer: { queue: QUEUE } },
    }),
    training: false,
    devices: { cupsServer: cups.server },
    logLines: terminalLog,
    hub: (terminalStateDir) => {
      terminalDir = terminalStateDir;
      return { credential, stateDir: join(terminalStateDir, 'hub-state') };
    },
  });
}, 90_000);

afterAll(async () => {
  if (process.env.DBG_LOG)
    for (const l of terminalLog) {
      const e = JSON.parse(l);
      if (e.level >= 30)
        console.log(e.level, e.msg, JSON.stringify(e.err ?? e.version ?? '').slice(0, 300));
    }
  const left = await terminal?.stop();
  await eidServer?.close();
  await cups?.daemon.stop();
  await hub?.dispose();
  await rm(dir, { recursive: true, force: true });
  expect(left).toEqual([]);
});

/** The member adds its apps in the hub; the terminal has them after its next config pull. */
async function membersAppsOnTheTerminal(): Promise<void> {
  for (const app of [checkIn, door, ageCheck]) {
    await hub.admin<EidAppResponse>('POST', '/api/admin/eid-apps', {
      ...app,
      organisationId: memberId,
    });
  }
  expect(await terminal.daemon.hubSync?.pullConfig()).toBe('changed');
  // Applied means in force: nobody is at the terminal, so the attract screen moves to a browser
  // with the new rules first (an earlier version's event may still come).
  const { version } = terminal.daemon.config;
  await within(
    new Promise((resolve) => {
      const off = terminal.daemon.on('config-applied', (applied) => {
        if (applied.version === version) resolve(off());
      });
    }),
    'the new configuration',
  );
}

interface Walk {
  citizen: Citizen;
  outcome: Outcome;
  sessionId: string;
  /** The rights the kiosk's consent screen listed as required. */
  rights: string[];
}

/**
 * A new citizen opens the app's tile, starts it on its page (`start` does what the page asks
 * first), agrees on the kiosk's consent screen, lays the Simulator card on and confirms the PIN
 * on its keypad.
 */
async function walk(app: EidAppInput, start: (citizen: Citizen) => Promise<void>): Promise<Walk> {
  const { daemon, browser } = terminal;
  const citizen = await nextCitizen(terminal);
  await citizen.tap('attract.start');
  await citizen.sees('home.title');
  await citizen.tapTile(app.title.de ?? '');
  await landsOn(browser, `${eidOrigin}/apps/${app.id}?lang=${lang}`);
  await citizen.page.waitForSelector(byRole('heading', app.title.de ?? ''));
  expect(await wcagViolations(citizen.page)).toEqual([]);

  const logFrom = eidLog.length;
  const consent = eidStepReached(daemon, 'access-rights');
  const insertCard = eidStepReached(daemon, 'insert-card');
  await start(citizen);
  await within(consent, 'the consent step');
  await citizen.sees('eid.consent.title');
  const rights = await citizen.page.$$eval('ul.rights li', (items) =>
    items.map((item) => item.textContent?.replace('✓', '').trim() ?? ''),
  );
  expect(await citizen.page.$$('input[type=checkbox]')).toHaveLength(0);
  await citizen.tap('eid.accept');
  await within(insertCard, 'the insert-card step');
  const outcome = nextOutcome(daemon);
  const pinStep = eidStepReached(daemon, 'enter-pin');
  await citizen.tap('eid.trainingCard');
  const first = await Promise.race([
    outcome.then(() => 'ended' as const),
    pinStep.then(() => 'enter-pin' as const),
  ]);
  if (first === 'enter-pin') {
    await citizen.sees('eid.pin.title');
    await citizen.tap('eid.ok');
  }
  return {
    citizen,
    outcome: await outcome,
    sessionId: sessionStartedSince({ logLines: eidLog }, logFrom),
    rights,
  };
}

/** The walk again after a lost Simulator race (see citizen-eid-server.real.test.ts). */
async function walkUntilCardRead(
  app: EidAppInput,
  start: (citizen: Citizen) => Promise<void>,
): Promise<Walk> {
  for (let attempt = 1; ; attempt++) {
    const result = await walk(app, start);
    if (
      attempt === SIMULATOR_ATTEMPTS ||
      !lostSimulatorRace({ logLines: eidLog }, result.sessionId)
    )
      return result;
    await landsOn(terminal.browser, result.outcome.url ?? `${terminal.daemon.kioskOrigin}/error`);
    await result.citizen.page.waitForFunction(() => document.readyState === 'complete');
  }
}

const tapStart = (citizen: Citizen) =>
  citizen.page.click(byRole('link', texts.appStartButton[lang]));

/** The right names the kiosk shows, in the citizen's language. */
const rightsOf = (
  citizen: Citizen,
  names: (
    'GivenNames' | 'FamilyName' | 'DateOfBirth' | 'Address' | 'Pseudonym' | 'AgeVerification'
  )[],
) => names.map((name) => citizen.t(`right.${name}`)).sort();

/** Ends the session with the reset button and waits for the next citizen's attract screen. */
async function leave(): Promise<void> {
  await terminal.daemon.handle({ cmd: 'input', input: 'reset-button' });
  await nextCitizen(terminal);
}

/** Files of the terminal, the hub's database, the eID-Server's and the printer's state, logs. */
async function nothingAboutErika(): Promise<void> {
  const found = await personalDataFound({
    directories: [
      terminalDir,
      ...(await terminalScratchDirs()),
      hub.dataDir,
      join(dir, 'eid-server'),
      cups.spoolDir,
    ],
    logs: [eidLog.join('\n'), hubLog.join('\n'), terminalLog.join('\n')],
    values: simulatorCitizen,
  });
  expect(found).toEqual([]);
}

// A walk is run again after a lost Simulator race, up to six times.
describe(
  "members' eID apps on a terminal, with the real AusweisApp and its Simulator",
  { timeout: 120_000 },
  () => {
    it('the apps configured in the hub appear on the terminal after its next config pull', async () => {
      expect(terminal.daemon.config.services.map((service) => service.id)).toEqual([]);
      await membersAppsOnTheTerminal();
      expect(terminal.daemon.config.services.map((service) => service.id).sort()).toEqual(
        [checkIn, door, ageCheck].map((app) => eidAppServiceId(app.id)).sort(),
      );
    });

    it('the hotel guest checks in: the form is prefilled from the card, checked and printed; nothing stays', async () => {
      const { citizen, outcome, rights } = await walkUntilCardRead(checkIn, tapStart);
      expect(rights.sort()).toEqual(
        rightsOf(citizen, ['GivenNames', 'FamilyName', 'DateOfBirth', 'Address']),
      );
      expect(outcome).toMatchObject({ workflow: 'auth', code: 'auth-success' });
      // The result page hands over to the form under the same token.
      await landsOn(terminal.browser, `${eidOrigin}/apps/${checkIn.id}/form/`);
      const page = citizen.page;
      await page.waitForSelector('#field-abreise');
      const form = await page.$eval('main', (main) => main.innerText);
      for (const value of ['ERIKA', 'MUSTERMANN', 'KÖLN']) expect(form).toContain(value);
      expect(await wcagViolations(page)).toEqual([]);

      // A required field left empty: the form says so and keeps what was typed.
      await page.type('#field-email', 'erika@example.org');
      await page.click(byRole('button', texts.continueButton[lang]));
      await page.waitForSelector('#field-abreise[aria-invalid=true]');
      expect(await page.$eval('#field-email', (input) => (input as HTMLInputElement).value)).toBe(
        'erika@example.org',
      );
      // A date field takes its digits in the browser's locale; the value is what it submits.
      await page.$eval('#field-abreise', (input) => {
        (input as HTMLInputElement).value = '2026-12-24';
      });
      await page.click(byRole('button', texts.continueButton[lang]));
      await page.waitForSelector(byRole('button', texts.doneButton[lang]));
      expect(await wcagViolations(page)).toEqual([]);

      // "Drucken" in the kiosk bar sends the checked form to the printer.
      const job = nextDaemonEvent(terminal.daemon, 'printed');
      await page.click(byRole('button', citizen.t('bar.print')));
      const printed = await within(job, 'the print job');
      if (!('jobId' in printed)) throw new Error(`print failed: ${printed.error}`);
      const paper = execFileSync('pdftotext', [printed.file, '-'], { encoding: 'utf8' });
      for (const value of [
        'ERIKA',
        'MUSTERMANN',
        'HEIDESTRA',
        'KÖLN',
        '51147',
        'erika@example.org',
      ])
        expect(paper.toUpperCase()).toContain(value.toUpperCase());
      expect(paper).not.toContain(texts.doneButton[lang]);
      // The scan below would see the printed page while the session keeps it.
      expect(
        await personalDataFound({
          directories: [dirname(printed.file)],
          logs: [],
          values: simulatorCitizen,
        }),
      ).toContain(`${printed.file}: ERIKA`);

      await page.click(byRole('button', texts.doneButton[lang]));
      await page.waitForSelector(byRole('heading', texts.formDeletedTitle[lang]));
      await leave();
      await nothingAboutErika();
    });

    it('a club member registers for the door by pseudonym with the code the admin gave; the hub has only its hash', async () => {
      const apps = `/api/admin/eid-apps/${door.id}`;
      const { code } = await hub.admin<AccessRegistrationCreatedResponse>(
        'POST',
        `${apps}/registrations`,
        {
          label: 'Werkstatt, Mo–Fr 7–19',
          windows: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }],
        },
      );
      const { citizen, outcome, rights } = await walkUntilCardRead(door, async (c) => {
        await c.page.type('#code', code);
        await c.page.click(byRole('button', texts.continueButton[lang]));
        await c.page.waitForSelector(byRole('link', texts.appStartButton[lang]));
        expect(await wcagViolations(c.page)).toEqual([]);
        await tapStart(c);
      });
      expect(rights).toEqual(rightsOf(citizen, ['Pseudonym']));
      await landsOn(terminal.browser, outcome.url ?? '');
      await citizen.page.waitForSelector(
        byRole('heading', texts.registeredTitle[lang].replace('{label}', 'Werkstatt, Mo–Fr 7–19')),
      );
      const { persons } = await hub.admin<RegisteredPersonListResponse>('GET', `${apps}/persons`);
      expect(persons).toEqual([
        expect.objectContaining({ label: 'Werkstatt, Mo–Fr 7–19', revokedAt: null }),
      ]);
      await leave();
      await nothingAboutErika();
    });

    it('the age check answers yes for the Simulator without its date of birth leaving the eID-Server', async () => {
      const { citizen, outcome, rights } = await walkUntilCardRead(ageCheck, tapStart);
      expect(rights).toEqual(rightsOf(citizen, ['AgeVerification']));
      await landsOn(terminal.browser, outcome.url ?? '');
      await citizen.page.waitForSelector(
        byRole('heading', texts.ageYes[lang].replace('{age}', '18')),
      );
      expect(await wcagViolations(citizen.page)).toEqual([]);
      const shown = await citizen.page.$eval('body', (body) => body.innerText);
      for (const value of ['1964', '12.08', 'ERIKA']) expect(shown).not.toContain(value);
      await leave();
      await nothingAboutErika();
    });
  },
);

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AusweisAppSupervisor, startAuthentication } from '@sidbox/eid';
import { silentLogger } from '@sidbox/runtime';
import { LocalTerminalConfig, type EidStep, type Outcome } from '@sidbox/protocol';
import { loadEidServerConfig, startEidServer, writeTestSetup } from '@sidbox/eid-server';
import { texts } from '../../eid-server/src/phone-check/texts.js';
import {
  capturingLogger,
  freePort,
  lostSimulatorRace,
  SIMULATOR_ATTEMPTS,
} from '../../eid-server/test/helpers/eid-server.js';
import { httpsRequest } from '../../eid-server/test/helpers/https-client.js';
import { wcagViolations } from './helpers/citizen/axe.js';
import { byRole, type Citizen } from './helpers/citizen/citizen.js';
import {
  nextCitizen,
  startCitizenTerminal,
  type CitizenTerminal,
} from './helpers/citizen/terminal.js';
import { within } from './helpers/citizen/waits.js';
import {
  personalDataFound,
  simulatorCitizen,
  terminalScratchDirs,
} from './helpers/privacy-scan.js';

// "Ihr Smartphone einrichten" end to end: the REAL terminal daemon with the kiosk Chromium shows
// the one-time QR code from our eID-Server; the test plays the citizen's phone: it opens the
// code's link over HTTPS, follows the start button and hands the TC token URL to a second REAL
// AusweisApp 1.26.2 (its Simulator card, ERIKA MUSTERMANN) through the SDK, as the phone's
// AusweisApp gets it from the eid:// link, then loads the result page as the phone's browser
// would. The terminal runs its own AusweisApp as in production; each instance takes a free port
// (the supervisor's --port 0), so the two never meet. The link's expiry is the eID-Server's
// clock moved on, not a wait.

let dir: string;
let origin: string;
let ca: string;
let eidServer: Awaited<ReturnType<typeof startEidServer>>;
let phone: AusweisAppSupervisor;
let terminal: CitizenTerminal;
/** How far the eID-Server's phone-check clock is ahead of the real one. */
let clockAhead = 0;
const eidLog: string[] = [];
const terminalLog: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-phone-setup-'));
  const setup = await writeTestSetup(join(dir, 'eid-server'), {
    host: '127.0.0.1',
    port: await freePort(),
  });
  origin = setup.publicOrigin;
  ca = await readFile(join(dir, 'eid-server', 'tls.cert.pem'), 'utf8');
  const config = await loadEidServerConfig(setup.configFile);
  eidServer = await startEidServer(config, capturingLogger(eidLog), {
    now: () => Date.now() + clockAhead,
  });
  phone = new AusweisAppSupervisor({ acceptTestPki: true, logger: silentLogger() });
  const [terminalStarted] = await Promise.all([
    startCitizenTerminal({
      config: LocalTerminalConfig.parse({
        branding: { memberName: 'Bürgerterminal' },
        testEidServer: { tlsSpkiSha256: [setup.tlsSpkiSha256] },
        // What the hub puts in when it knows the association's eID-Server.
        eidServerOrigin: origin,
      }),
      training: false,
      logLines: terminalLog,
    }),
    phone.start(),
  ]);
  terminal = terminalStarted;
}, 60_000);

afterAll(async () => {
  // The phone's AusweisApp first: the terminal's stop reports any AusweisApp left running.
  await phone?.stop();
  const left = await terminal?.stop();
  await eidServer?.close();
  await rm(dir, { recursive: true, force: true });
  expect(left).toEqual([]);
});

/** The phone's browser: an HTTPS GET that trusts the test server's certificate. */
const phoneGet = (url: string) => httpsRequest(url, { ca });

/** The one-time link the kiosk's QR code carries, once it is on the screen. */
async function qrLink(citizen: Citizen): Promise<string> {
  const code = await citizen.page.waitForSelector('.phone-check svg.qr[data-url]', {
    timeout: 10_000,
  });
  const link = await code?.evaluate((svg) => svg.getAttribute('data-url'));
  expect(link).toMatch(new RegExp(`^${origin}/phone/[A-Za-z0-9_-]{43}$`));
  return link ?? '';
}

/** The start button's address on the link's page, as the phone shows it. */
async function startAddress(link: string): Promise<string> {
  const intro = await phoneGet(`${link}?lang=de`);
  expect(intro.status).toBe(200);
  expect(intro.body).toContain(texts.introTitle.de);
  const href = /<a class="button" href="([^"]+)"/.exec(intro.body)?.[1] ?? '';
  return new URL(href.replaceAll('&amp;', '&'), origin).href;
}

/**
 * The phone's AusweisApp, started by the eid:// link: the consent, the Simulator card, the PIN
 * on its keypad. Resolves with the outcome and the session it ran.
 */
async function phoneRuns(start: string): Promise<{ outcome: Outcome; sessionId: string }> {
  const page = await phoneGet(start);
  expect(page.status).toBe(200);
  const eidLink = /href="(eid:\/\/127\.0\.0\.1:24727\/eID-Client\?[^"]+)"/.exec(page.body)?.[1];
  const tcTokenURL =
    new URL((eidLink ?? '').replaceAll('&amp;', '&')).searchParams.get('tcTokenURL') ?? '';
  const workflow = startAuthentication(await phone.start(), { tcTokenURL });
  const answer = (step: EidStep): void => {
    if (step.step === 'access-rights') workflow.act({ type: 'accept' });
    if (step.step === 'insert-card') workflow.act({ type: 'insert-card', reader: 'Simulator' });
    if (step.step === 'enter-pin') workflow.act({ type: 'pin' });
  };
  workflow.onStep(answer);
  answer(workflow.step);
  const outcome = await within(workflow.done, 'the phone’s AusweisApp', 30_000);
  return { outcome, sessionId: new URL(tcTokenURL).pathname.split('/').at(-1) ?? '' };
}

/** Waits until the kiosk's phone step shows this catalogue text. */
const kioskShows = (citizen: Citizen, key: Parameters<Citizen['t']>[0]) =>
  citizen.page.waitForFunction(
    (text) => document.querySelector('.phone-check')?.textContent?.includes(text) === true,
    { timeout: 10_000 },
    citizen.t(key),
  );

const nothingAboutErika = async () =>
  expect(
    await personalDataFound({
      directories: [...(await terminalScratchDirs()), join(dir, 'eid-server')],
      logs: [eidLog.join('\n'), terminalLog.join('\n')],
      values: simulatorCitizen,
    }),
  ).toEqual([]);

describe(
  '"Ihr Smartphone einrichten" with the real kiosk, eID-Server and two AusweisApps',
  { timeout: 120_000 },
  () => {
    let citizen: Citizen;
    let usedLink: string;
    let usedStart: string;

    it("the phone reads the card with the code's link and shows the name; the kiosk says it is ready", async () => {
      citizen = await nextCitizen(terminal);
      await citizen.tap('attract.start');
      await citizen.sees('home.title');
      await citizen.tap('phone.open');
      await citizen.sees('phone.title');
      expect(await wcagViolations(citizen.page)).toEqual([]);
      await citizen.tap('phone.create');

      // A lost Simulator race fails the check on the phone: a new code, and again.
      for (let attempt = 1; ; attempt++) {
        usedLink = await qrLink(citizen);
        await citizen.reads('phone.scan');
        expect(await wcagViolations(citizen.page)).toEqual([]);
        usedStart = await startAddress(usedLink);
        const { outcome, sessionId } = await phoneRuns(usedStart);
        if (attempt < SIMULATOR_ATTEMPTS && lostSimulatorRace({ logLines: eidLog }, sessionId)) {
          await phoneGet(outcome.url ?? `${origin}/`);
          await kioskShows(citizen, 'phone.failed');
          await citizen.tap('phone.newCode');
          continue;
        }
        expect(outcome).toMatchObject({ code: 'auth-success' });
        // AusweisApp sends the phone's browser to the RefreshAddress: the name, once.
        const result = await phoneGet(outcome.url ?? '');
        expect(result.status).toBe(200);
        expect(result.body).toContain(texts.successTitle.de);
        expect(result.body).toMatch(/ERIKA[\s\S]*MUSTERMANN/);
        break;
      }

      await kioskShows(citizen, 'phone.ready.title');
      await citizen.page.waitForSelector('.phone-ready h3');
      const kiosk = await citizen.page.$eval('main', (main) => main.textContent ?? '');
      for (const value of ['ERIKA', 'MUSTERMANN']) expect(kiosk.toUpperCase()).not.toContain(value);
      expect(await citizen.page.$('.phone-check svg.qr')).toBeNull();
      expect(await wcagViolations(citizen.page)).toEqual([]);
    });

    it('the same link a second time is refused on the phone', async () => {
      for (const url of [usedLink, usedStart]) {
        const again = await phoneGet(url);
        expect(again.status).toBe(410);
        expect(again.body).toContain(texts.usedTitle.de);
      }
    });

    it('a link not used in time is refused, and the kiosk offers a new code', async () => {
      await citizen.tap('phone.done');
      await citizen.sees('home.title');
      await citizen.tap('phone.open');
      await citizen.tap('phone.create');
      const link = await qrLink(citizen);
      expect(link).not.toBe(usedLink);
      // The link lives linkTtlSeconds (300 by default): five minutes on, it is over.
      clockAhead = 300_000;
      const late = await phoneGet(link);
      expect(late.status).toBe(410);
      expect(late.body).toContain(texts.expiredTitle.de);
      await kioskShows(citizen, 'phone.expired');
      await citizen.page.waitForSelector(byRole('button', citizen.t('phone.newCode')));
    });

    it('the session end forgets the check; nothing about the card holder anywhere', async () => {
      const wiped = terminalLog.length;
      await terminal.daemon.handle({ cmd: 'input', input: 'reset-button' });
      await nextCitizen(terminal);
      const after = terminalLog
        .slice(wiped)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(
        after.some((entry) => entry.msg === 'phone check' && entry.phoneCheck === 'closed'),
      ).toBe(true);
      await nothingAboutErika();
    });
  },
);

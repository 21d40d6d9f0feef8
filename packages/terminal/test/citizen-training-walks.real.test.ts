import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kioskAction } from './helpers/hub-terminal.js';
import { byRole, type Citizen } from './helpers/citizen/citizen.js';
import { wcagViolations } from './helpers/citizen/axe.js';
import { serveProvider, type TestProvider } from './helpers/citizen/provider.js';
import { landsOn, nextOutcome } from './helpers/citizen/waits.js';
import {
  nextCitizen,
  startCitizenTerminal,
  type CitizenTerminal,
} from './helpers/citizen/terminal.js';
import { oneServiceConfig } from './helpers/real-daemon.js';

// Issue 4's acceptance walks with the training card: the citizen's taps on the kiosk UI in
// the REAL kiosk Chromium (headless), through the REAL terminal daemon. One terminal for the
// file; each walk starts on the attract screen and ends the session.

let provider: TestProvider;
let terminal: CitizenTerminal;
let citizen: Citizen;

beforeAll(async () => {
  provider = await serveProvider();
  terminal = await startCitizenTerminal({
    config: oneServiceConfig('Bürgerterminal', { startUrl: provider.url('/'), eid: true }),
    training: true,
  });
}, 60_000);

afterAll(async () => {
  const left = await terminal?.stop();
  await provider?.close();
  expect(left).toEqual([]);
});

beforeEach(async () => {
  citizen = await nextCitizen(terminal);
});

describe('authentication with the training card', () => {
  it('consent with an optional field unticked, card, PIN on the pad → the service; the unticked right is not granted; no WCAG violations', async () => {
    await citizen.sees('attract.title');
    // The tips turn over every few seconds; paused, axe judges one that stands still.
    await citizen.tap('attract.pause');
    await citizen.page.waitForSelector(byRole('button', citizen.t('attract.play')));
    await expectAccessible('attract');
    await citizen.tap('attract.start');
    await citizen.sees('home.title');
    await expectAccessible('home');

    await startEidOnTheService();
    await expectAccessible('consent');
    const granted = effectiveRights();
    await citizen.untick(citizen.t('right.Address'));
    await citizen.tap('eid.accept');
    await citizen.sees('eid.insertCard.title');
    await expectAccessible('insert card');
    await citizen.tap('eid.trainingCard');
    await citizen.sees('eid.pin.title');
    await expectAccessible('PIN');
    // The service answers its refresh page late: the kiosk's result must stand until it comes.
    const screen = await citizen.watchScreen();
    const release = provider.holdRefresh();
    const outcome = nextOutcome(terminal.daemon);
    const refreshed = landsOn(terminal.browser, provider.url('/refresh'));
    try {
      await citizen.typeOnPad('123456');
      expect(await outcome).toMatchObject({ workflow: 'auth', code: 'auth-success' });
      // A view sent after the workflow's end (another text size, as the kiosk bar sends it):
      // once the page shows it, it has taken in every view before, the last eID one included.
      const before = screen.seen.at(-1)?.fontSize;
      const resized = kioskAction(terminal.daemon, { type: 'text-size', scale: 1.5 });
      const settled = await screen.until((report) => report.fontSize !== before);
      expect(settled.heading).toContain(citizen.t('outcome.title.success'));
      expect(screen.seen.map((report) => report.heading)).not.toContain(citizen.t('home.title'));
      release();
      expect(await resized).toMatchObject({ ok: true });
    } finally {
      release();
    }
    expect(new URL(await refreshed).searchParams.get('ResultMajor')).toBe('ok');
    // AusweisApp's answer to the consent: the unticked optional Address is not granted.
    expect(granted).toEqual([['FamilyName', 'GivenNames', 'DateOfBirth', 'DoctoralDegree']]);
  });

  it('wrong PIN → two tries left → wrong again → CAN → PIN → the service', async () => {
    await citizen.tap('attract.start');
    await startEidOnTheService();
    await citizen.tap('eid.accept');
    await citizen.sees('eid.insertCard.title');
    await citizen.chooseTrainingCard('normal');
    await citizen.sees('eid.pin.title');

    await citizen.typeOnPad('111111');
    await citizen.reads('eid.wrongNumber');
    await citizen.reads('eid.triesLeft', { count: 2 });
    await citizen.typeOnPad('222222');
    await citizen.sees('eid.can.title');
    await citizen.typeOnPad('654321');
    await citizen.sees('eid.pin.title');
    await citizen.reads('eid.triesLeft', { count: 1 });
    const refreshed = landsOn(terminal.browser, provider.url('/refresh'));
    await citizen.typeOnPad('123456');
    expect(new URL(await refreshed).searchParams.get('ResultMajor')).toBe('ok');
  });

  it('PIN blocked: PUK from the PIN letter, then the PIN → the service', async () => {
    await citizen.tap('attract.start');
    await startEidOnTheService();
    await citizen.tap('eid.accept');
    await citizen.sees('eid.insertCard.title');
    await citizen.chooseTrainingCard('puk-needed');
    await citizen.sees('eid.puk.title');
    await citizen.typeOnPad('1234567890');
    // As on a real card: the PUK resets the counter, the PIN itself is still needed.
    await citizen.sees('eid.pin.title');
    const refreshed = landsOn(terminal.browser, provider.url('/refresh'));
    await citizen.typeOnPad('123456');
    expect(new URL(await refreshed).searchParams.get('ResultMajor')).toBe('ok');
  });
});

describe('results of the Fast Lane with a troubled card', () => {
  it('online ID function switched off → the result says so and that the citizen office switches it on', async () => {
    await citizen.tap('attract.start');
    await startPinChange();
    await citizen.sees('eid.insertCard.title');
    const outcome = nextOutcome(terminal.daemon);
    await citizen.chooseTrainingCard('deactivated');
    expect(await outcome).toMatchObject({ workflow: 'change-pin', code: 'eid-deactivated' });
    await citizen.seesOutcome('eid-deactivated');
    expect(terminal.browser.currentUrl).toContain('/outcome?code=eid-deactivated');
  });

  it('card taken off the reader after the PIN → the card-removed result', async () => {
    await citizen.tap('attract.start');
    await startPinChange();
    await citizen.sees('eid.insertCard.title');
    await citizen.chooseTrainingCard('card-removed');
    await citizen.sees('eid.pin.title');
    const outcome = nextOutcome(terminal.daemon);
    await citizen.typeOnPad('123456');
    expect(await outcome).toMatchObject({ workflow: 'change-pin', code: 'card-removed' });
    await citizen.seesOutcome('card-removed');
  });
});

describe('Cancel on every eID screen', () => {
  it('consent, insert card, PIN, CAN, PUK, new PIN: each ends with the cancelled result and sends no number', async () => {
    await citizen.tap('attract.start');
    await citizen.sees('home.title');
    const sent = citizen.recordActions();
    const requestsBefore = provider.requests.length;

    // Insert card: no card in the training reader yet.
    await startPinChange();
    await citizen.sees('eid.insertCard.title');
    await cancelHere();

    // PIN, CAN and PUK: staff put the card in first, the Fast Lane goes straight to its number.
    for (const [card, screen] of [
      ['normal', 'eid.pin.title'],
      ['can-needed', 'eid.can.title'],
      ['puk-needed', 'eid.puk.title'],
    ] as const) {
      await citizen.tap('outcome.home');
      await citizen.sees('home.title');
      await citizen.chooseTrainingCard(card);
      await startPinChange();
      await citizen.sees(screen);
      await cancelHere();
    }

    // New PIN: the right PIN first.
    await citizen.tap('outcome.home');
    await citizen.sees('home.title');
    await citizen.chooseTrainingCard('normal');
    await startPinChange();
    await citizen.sees('eid.pin.title');
    await citizen.typeOnPad('123456');
    await citizen.sees('eid.newPin.title');
    await cancelHere();

    // Consent: the provider learns of the cancel at its communication-error address.
    await citizen.tap('outcome.home');
    await citizen.sees('home.title');
    await startEidOnTheService();
    const outcome = nextOutcome(terminal.daemon);
    const landed = landsOn(terminal.browser, provider.url('/commerror'));
    await citizen.tap('eid.cancel');
    expect(await outcome).toMatchObject({ workflow: 'auth', code: 'cancelled' });
    const url = new URL(await landed);
    expect(url.searchParams.get('ResultMajor')).toBe('error');
    expect(url.searchParams.get('ResultMinor')).toMatch(/cancellationByUser$/);

    // Only the one PIN that led to the new-PIN screen left the kiosk; no consent, no CAN,
    // PUK or new PIN.
    const numbers = sent.filter((type) => /^eid-(pin|can|puk|new-pin|accept)$/.test(type));
    expect(numbers).toEqual(['eid-pin']);
    expect(sent.filter((type) => type === 'eid-cancel')).toHaveLength(6);
    const visited = provider.requests.slice(requestsBefore);
    expect(visited.filter((path) => path.startsWith('/refresh'))).toEqual([]);
  }, 60_000);
});

/** On the home screen: the service's tile, its eID link, the consent screen. */
async function startEidOnTheService(): Promise<void> {
  await citizen.tapTile('Testdienst');
  await landsOn(terminal.browser, provider.url('/'));
  await citizen.page.click('#eid');
  await citizen.sees('eid.consent.title');
}

/** On the home screen: the Fast Lane tile, its explainer, "I know my PIN". */
async function startPinChange(): Promise<void> {
  await citizen.tapTile(citizen.t('home.changePin'));
  await citizen.sees('fastLane.title');
  await citizen.tapTile(citizen.t('fastLane.knowPin'));
}

/** Cancel on the eID screen: the cancelled result in the kiosk. */
async function cancelHere(): Promise<void> {
  const outcome = nextOutcome(terminal.daemon);
  await citizen.tap('eid.cancel');
  expect(await outcome).toMatchObject({ workflow: 'change-pin', code: 'cancelled' });
  await citizen.seesOutcome('cancelled');
}

async function expectAccessible(screen: string): Promise<void> {
  expect(await wcagViolations(citizen.page), screen).toEqual([]);
}

/** The rights AusweisApp reports as granted, each time it reports them, from now on. */
function effectiveRights(): string[][] {
  const client = terminal.daemon.eid.connection?.client;
  if (!client) throw new Error('no eID connection');
  const granted: string[][] = [];
  client.onMessage((message) => {
    if (message.msg === 'ACCESS_RIGHTS') granted.push(message.chat.effective);
  });
  return granted;
}

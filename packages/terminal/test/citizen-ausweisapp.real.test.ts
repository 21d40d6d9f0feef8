import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalTerminalConfig } from '@sidbox/protocol';
import { eidStepReached } from './helpers/hub-terminal.js';
import { byRole, type Citizen } from './helpers/citizen/citizen.js';
import { serveProvider } from './helpers/citizen/provider.js';
import { landsOn, nextOutcome, within } from './helpers/citizen/waits.js';
import {
  nextCitizen,
  startCitizenTerminal,
  type CitizenTerminal,
} from './helpers/citizen/terminal.js';
import type { TestSite } from './helpers/sites.js';

// Issue 4's walks against the REAL AusweisApp 1.26.2 and its Simulator reader (offered to the
// citizen only in the test-only eID developer mode), through the REAL terminal daemon and the
// REAL kiosk Chromium (headless). No eID server exists here: authentication gets as far as
// the provider.

let provider: TestSite;
let terminal: CitizenTerminal;
let citizen: Citizen;

beforeAll(async () => {
  provider = await serveProvider();
  const service = (id: string, title: string, startUrl: string) => ({
    id,
    title: { de: title },
    description: { de: 'Anmeldung mit dem Online-Ausweis' },
    startUrl,
    eid: true,
  });
  // The second service's page names a TC token URL where nothing answers.
  const deadTcToken = encodeURIComponent('http://127.0.0.1:1/tctoken');
  terminal = await startCitizenTerminal({
    config: LocalTerminalConfig.parse({
      branding: { memberName: 'Bürgerterminal' },
      services: [
        service('svc', 'Testdienst', provider.url('/')),
        service('down', 'Gestörter Dienst', provider.url(`/?tc=${deadTcToken}`)),
      ],
    }),
    training: false,
    eidDeveloperMode: true,
  });
}, 60_000);

afterAll(async () => {
  const left = await terminal?.stop();
  await provider?.close();
  expect(left).toEqual([]);
});

beforeEach(async () => {
  citizen = await nextCitizen(terminal);
  await citizen.tap('attract.start');
  await citizen.sees('home.title');
});

describe('real AusweisApp, Simulator reader', () => {
  it('Fast Lane: the Simulator card, PIN and new PIN on its keypad → "PIN changed" (or AusweisApp\'s direct success)', async () => {
    const { daemon } = terminal;
    expect(daemon.training).toBe(false);
    await citizen.tapTile(citizen.t('home.changePin'));
    await citizen.sees('fastLane.title');
    await citizen.tapTile(citizen.t('fastLane.knowPin'));
    await citizen.sees('eid.insertCard.title');
    // The kiosk offers a card only once AusweisApp has listed its readers: the Simulator alone.
    await citizen.page.waitForSelector(byRole('button', citizen.t('eid.trainingCard')));
    const step = daemon.eid.workflow?.step;
    const offered = step?.step === 'insert-card' ? step.readers : [];
    expect(offered.filter((reader) => reader.insertable)).toMatchObject([
      { name: 'Simulator', keypad: true },
    ]);

    const outcome = nextOutcome(daemon);
    const pinStep = eidStepReached(daemon, 'enter-pin');
    const newPinStep = eidStepReached(daemon, 'enter-new-pin');
    await citizen.tap('eid.trainingCard');
    // AusweisApp 1.26.2 sometimes answers SET_CARD with success at once (docs/design-notes.md);
    // otherwise the Simulator's keypad takes the PIN and the new PIN, and the screen says so.
    const path: string[] = [];
    const first = await Promise.race([
      outcome.then(() => 'ended' as const),
      pinStep.then(() => 'enter-pin' as const),
    ]);
    if (first === 'enter-pin') {
      path.push('enter-pin');
      await citizen.sees('eid.pin.title');
      await citizen.reads('eid.onReader');
      await citizen.tap('eid.ok');
      await within(newPinStep, 'the new-PIN step');
      path.push('enter-new-pin');
      await citizen.sees('eid.newPin.title');
      await citizen.reads('eid.onReader');
      await citizen.tap('eid.ok');
    }
    expect([[], ['enter-pin', 'enter-new-pin']]).toContainEqual(path);
    expect(await outcome).toMatchObject({ workflow: 'change-pin', code: 'pin-changed' });
    await citizen.seesOutcome('pin-changed');
  });

  it('authentication, eID server unreachable → the address AusweisApp names', async () => {
    const { daemon, browser } = terminal;
    await citizen.tapTile('Testdienst');
    await landsOn(terminal.browser, provider.url('/'));
    const outcome = nextOutcome(daemon);
    const landed = landsOn(terminal.browser, provider.url('/refresh'));
    await citizen.page.click('#eid');
    expect(await outcome).toMatchObject({ workflow: 'auth', code: 'provider-unreachable' });
    // Established in eid-start.real.test.ts for 1.26.2 in developerMode: the RefreshAddress
    // as it stands, not the CommunicationErrorAddress.
    expect(await landed).toBe(provider.url('/refresh?session=1'));
    expect(browser.currentUrl).toBe(provider.url('/refresh?session=1'));
  });

  it("authentication, TC token unreachable → the kiosk's provider-unreachable result", async () => {
    const { daemon } = terminal;
    await citizen.tapTile('Gestörter Dienst');
    await landsOn(terminal.browser, provider.url('/?tc='));
    const outcome = nextOutcome(daemon);
    const result = landsOn(
      terminal.browser,
      `${daemon.kioskOrigin}/error?code=provider-unreachable`,
    );
    await citizen.page.click('#eid');
    expect(await outcome).toMatchObject({ workflow: 'auth', code: 'provider-unreachable' });
    await result;
    await citizen.seesOutcome('provider-unreachable');
  });
});

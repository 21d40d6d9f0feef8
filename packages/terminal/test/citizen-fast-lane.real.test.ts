import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalTerminalConfig, surveyStatementIds, type SurveyStatementId } from '@sidbox/protocol';
import { catalogue, type Language } from '../../kiosk-ui/src/i18n/catalogue.js';
import { attractReady } from './helpers/daemon-waits.js';
import { configApplied, outboxDrained } from './helpers/hub-terminal.js';
import { nextOutcome } from './helpers/citizen/waits.js';
import { wcagViolations } from './helpers/citizen/axe.js';
import { byRole, type Citizen } from './helpers/citizen/citizen.js';
import { hubForTerminal } from './helpers/citizen/hub.js';
import {
  nextCitizen,
  startCitizenTerminal,
  type CitizenTerminal,
} from './helpers/citizen/terminal.js';

// Issue 4's Fast Lane and survey walks: the citizen's taps on the kiosk UI in the REAL kiosk
// Chromium (headless), through the REAL terminal daemon with the training card, enrolled with
// a REAL hub (SQLite) that receives the survey answers from the terminal's outbox.

let hub: Awaited<ReturnType<typeof hubForTerminal>>;
let terminal: CitizenTerminal;
let citizen: Citizen;
/** Survey batches the terminal's outbox delivered to the hub. */
let surveysDelivered = 0;

beforeAll(async () => {
  hub = await hubForTerminal(['de', 'en', 'ar']);
  terminal = await startCitizenTerminal({
    config: LocalTerminalConfig.parse({ branding: { memberName: 'Bürgerterminal' } }),
    training: true,
    hub: hub.connection,
  });
  // The hub's configuration (with Arabic) replaces the local one before the first citizen.
  if (!terminal.daemon.config.languages.includes('ar')) await configApplied(terminal.daemon);
  terminal.daemon.hubSync?.on('delivered', ({ kind }) => {
    if (kind === 'survey') surveysDelivered++;
  });
}, 60_000);

afterAll(async () => {
  const left = await terminal?.stop();
  await hub?.dispose();
  expect(left).toEqual([]);
});

beforeEach(async () => {
  citizen = await nextCitizen(terminal);
  await citizen.sees('attract.title');
});

describe('Fast Lane', () => {
  it('in Arabic: PIN letter → transport PIN → a mismatched repetition caught in the kiosk → the new PIN → "PIN changed"; no WCAG violations', async () => {
    await chooseLanguage('ar');
    await citizen.sees('home.title');
    await expectAccessible('home');
    await citizen.tapTile(citizen.t('home.changePin'));
    await citizen.sees('fastLane.title');
    await expectAccessible('Fast Lane explainer');
    await citizen.tapTile(citizen.t('fastLane.haveLetter'));
    await citizen.sees('eid.insertCard.title');
    await expectAccessible('insert card');
    await citizen.chooseTrainingCard('transport-pin');
    await citizen.sees('eid.pin.title');
    await citizen.reads('eid.currentPin.text');
    await expectAccessible('transport PIN');
    const actions = citizen.recordActions();
    const eidActions = () => actions.filter((type) => type.startsWith('eid-'));
    await citizen.typeOnPad('12345');

    await citizen.sees('eid.newPin.title');
    await citizen.reads('eid.newPin.entry', { entry: 1 });
    await expectAccessible('new PIN, first entry');
    await citizen.typeOnPad('246810');
    await citizen.reads('eid.newPin.entry', { entry: 2 });
    await expectAccessible('new PIN, second entry');
    await citizen.typeOnPad('135790');
    await citizen.reads('eid.newPin.mismatch');
    await citizen.reads('eid.newPin.entry', { entry: 1 });
    await expectAccessible('new PIN, mismatch');
    // Caught in the kiosk: nothing went to the daemon, whose workflow still waits for it.
    expect(eidActions()).toEqual(['eid-pin']);
    expect(terminal.daemon.status().eid).toEqual({ workflow: 'change-pin', step: 'enter-new-pin' });

    const outcome = nextOutcome(terminal.daemon);
    await citizen.typeOnPad('246810');
    await citizen.reads('eid.newPin.entry', { entry: 2 });
    await citizen.typeOnPad('246810');
    expect(await outcome).toMatchObject({ workflow: 'change-pin', code: 'pin-changed' });
    await citizen.seesOutcome('pin-changed');
    await expectAccessible('PIN changed');
    expect(eidActions()).toEqual(['eid-pin', 'eid-new-pin']);
  });
});

describe('survey', () => {
  it('in English: End → the survey, answered with a comment and sent → its answers reach the hub; End ends; no WCAG violations', async () => {
    await chooseLanguage('en');
    await citizen.sees('home.title');
    const before = await hub.surveyResults();
    await citizen.tap('bar.end');
    await citizen.sees('survey.title');
    await expectAccessible('survey');
    await answer('informative', 'fully-agree');
    await answer('faster', 'agree');
    await answer('security-concerns', 'disagree');
    await citizen.page
      .locator(byRole('textbox', citizen.t('survey.comment')))
      .fill('Sehr hilfreich');
    const delivered = surveysDelivered;
    await citizen.tap('survey.send');
    await citizen.sees('survey.thanks');
    await expectAccessible('survey thanks');

    await outboxDrained(requireSync());
    expect(surveysDelivered).toBe(delivered + 1);
    const after = await hub.surveyResults();
    expect(after.responses).toBe(before.responses + 1);
    const counted = (id: SurveyStatementId, answer: string) =>
      (after.statements.find((s) => s.id === id)?.counts[answer] ?? 0) -
      (before.statements.find((s) => s.id === id)?.counts[answer] ?? 0);
    expect(counted('informative', 'fully-agree')).toBe(1);
    expect(counted('faster', 'agree')).toBe(1);
    expect(counted('security-concerns', 'disagree')).toBe(1);
    // A statement left alone counts as "no answer".
    expect(counted('frees-staff', 'no-answer')).toBe(1);

    // Answered once: End now ends the session, no second survey.
    await endWith('bar.end');
  });

  it('End → the survey skipped → the session ends and nothing reaches the hub', async () => {
    await citizen.tap('attract.start');
    await citizen.sees('home.title');
    const before = await hub.surveyResults();
    const delivered = surveysDelivered;
    const actions = citizen.recordActions();
    await citizen.tap('bar.end');
    await citizen.sees('survey.title');
    await endWith('survey.skipAndEnd');
    expect(actions).toContain('end');
    expect(actions).not.toContain('survey');
    // The session's telemetry goes out; a survey answer does not.
    await outboxDrained(requireSync());
    expect(surveysDelivered).toBe(delivered);
    expect((await hub.surveyResults()).responses).toBe(before.responses);
  });
});

async function expectAccessible(screen: string): Promise<void> {
  expect(await wcagViolations(citizen.page), screen).toEqual([]);
}

/** On the attract screen: the language buttons (each in its own language) start a session. */
async function chooseLanguage(language: Language): Promise<void> {
  await citizen.tapNamed(catalogue[language]['language.name']);
  citizen.speaks(language);
}

/** Ticks an answer to one statement; the scale repeats for each, in the statements' order. */
async function answer(statement: SurveyStatementId, choice: string): Promise<void> {
  const name = citizen.t(`survey.answer.${choice}` as 'survey.answer.agree');
  const radios = await citizen.page.$$(byRole('radio', name));
  const radio = radios[surveyStatementIds.indexOf(statement)];
  if (radios.length !== surveyStatementIds.length || !radio) throw new Error(`no "${name}" radio`);
  await radio.click();
  await citizen.page.waitForFunction((input) => (input as HTMLInputElement).checked, {}, radio);
}

/** Taps a control that ends the session and waits until the attract screen is back. */
async function endWith(key: 'bar.end' | 'survey.skipAndEnd'): Promise<void> {
  const ended = new Promise<string>((resolve) => {
    const off = terminal.daemon.session.on('session-ended', ({ reason }) => {
      off();
      resolve(reason);
    });
  });
  const ready = attractReady(terminal.daemon);
  // The wipe may close the browser before Chromium acknowledges the tap.
  const tapped = citizen.tap(key).catch((error: unknown) => error);
  expect(await ended).toBe('explicit');
  await ready;
  const failure = await tapped;
  if (failure !== undefined) expect(String(failure)).toMatch(/Target closed|detached|closed/i);
}

function requireSync() {
  const sync = terminal.daemon.hubSync;
  if (!sync) throw new Error('the terminal is not enrolled');
  return sync;
}

import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from '../../kiosk-ui/test/helpers/axe.js';
import { launchTestChromium } from '../../kiosk-ui/test/helpers/chromium.js';
import { watchPageProblems, type PageProblems } from '../../kiosk-ui/test/helpers/page-problems.js';
import { signIn, startEidAppsHub } from './helpers/eid-apps-hub.js';
import { pageText } from './helpers/page-text.js';

// The eID-Apps page in Debian's Chromium against a real hub, as a member admin: one app of each
// kind created in German, kept over a reload, changed, archived and restored; for the door app
// a person registered (the code shown, then reported by the eID-Server as a terminal would), an
// access point (its token shown, then used at the door), the log, a revocation; the page in
// English; WCAG 2.1 A/AA by axe-core; no console error anywhere.

let hub: Awaited<ReturnType<typeof startEidAppsHub>>;
let browser: Browser;
let page: Page;
/** Console errors, page errors and failed loads since the last check. */
let problems: PageProblems;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startEidAppsHub(), launchTestChromium()]);
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1024 });
  problems = watchPageProblems(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const { textOf, waitForText, fill } = pageText(() => page);

const create = 'form[aria-labelledby=create-app-heading]';

async function createApp(
  kind: 'form' | 'access' | 'age',
  id: string,
  title: string,
  purpose: string,
  extra: () => Promise<void> = async () => undefined,
): Promise<void> {
  await page.click(`${create} input[name=kind][value=${kind}]`);
  await fill(`${create} input[name=id]`, id);
  await fill(`${create} input[name=titleDe]`, title);
  await fill(`${create} textarea[name=purposeDe]`, purpose);
  await extra();
  await page.click(`${create} button[type=submit]`);
  await waitForText(`${create} [role=status]`, 'eID-App angelegt.');
  await waitForText('[data-testid=eid-apps] tr', title);
  expect(await page.$eval(`${create} input[name=id]`, (el) => (el as HTMLInputElement).value)).toBe(
    '',
  );
}

const row = (appId: string) => `tr[data-app="${appId}"]`;

describe('eID-Apps page (member admin, Chromium)', () => {
  it('creates a form, a door access and an age check app in German', async () => {
    await signIn(page, `${hub.url}/#/eid-apps`);
    // Before signing in, the shell asks for a session and the hub answers 401: Chromium logs
    // that answer. From here on nothing may be logged.
    expect(problems.list).toEqual([expect.stringMatching(/status of 401 .*\/api\/admin\/session/)]);
    problems.clear();
    expect(await textOf('#page-heading')).toBe('eID-Apps');
    expect(await page.$('select[name=memberId]')).toBeNull(); // a member admin has one member
    await createApp(
      'form',
      'meldeschein',
      'Meldeschein',
      'Anmeldung von Probefahrten',
      async () => {
        await page.click(`${create} input[name=cardData][value=placeOfResidence]`);
        await page.click(`${create} button::-p-text(Feld hinzufügen)`);
        await page.type(`${create} [data-field="1"] input[name=fieldLabelDe]`, 'Kfz-Kennzeichen');
        await page.type(`${create} [data-field="1"] input[name=fieldLabelEn]`, 'Licence plate');
        await page.click(`${create} input[name=output][value=handover]`);
        const asks = await textOf(`${create} [data-testid=requested-data]`);
        expect(asks).toContain('Die App fragt genau diese Daten ab:');
        expect(asks).toMatch(/Vornamen\s+Familienname\s+Anschrift/);
        expect(asks).not.toContain('Geburtsdatum');
      },
    );
    await createApp('access', 'werkstatt', 'Werkstatt', 'Zutritt zur Werkstatt', async () => {
      expect(await textOf(`${create} [data-testid=requested-data]`)).toContain('Pseudonym');
      expect(await page.$(`${create} input[name=cardData]`)).toBeNull();
    });
    await createApp('age', 'ab16', 'Probefahrt ab 16', 'Alter für die Probefahrt', async () => {
      await fill(`${create} input[name=minimumAge]`, '16');
      expect(await textOf(`${create} [data-testid=requested-data]`)).toContain(
        'mindestens 16 Jahre alt',
      );
    });
    expect(await wcagViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });

  it('says in German that an id is taken, and changes nothing', async () => {
    await createApp('age', 'ab18', 'Ab 18', 'Alter', async () => undefined);
    problems.clear();
    await page.click(`${create} input[name=kind][value=age]`);
    await fill(`${create} input[name=id]`, 'ab18');
    await fill(`${create} input[name=titleDe]`, 'Noch einmal');
    await fill(`${create} textarea[name=purposeDe]`, 'Alter');
    await page.click(`${create} button[type=submit]`);
    await waitForText(`${create} [role=alert]`, 'Diese Kennung ist schon vergeben.');
    expect(await page.$$eval('[data-testid=eid-apps] tbody tr', (rows) => rows.length)).toBe(4);
    // Chromium itself reports the refused request (409) on the console; nothing else may appear.
    expect(problems.list.filter((p) => !p.includes('status of 409'))).toEqual([]);
    problems.clear();
  });

  it('shows the apps after a reload, edits one, archives and restores one', async () => {
    await page.reload();
    await page.waitForSelector(row('werkstatt'));
    expect(await textOf(row('meldeschein'))).toMatch(/Meldeschein\s+Anmeldeformular\s+aktiv/);
    expect(await textOf(row('werkstatt'))).toMatch(/Zutritt per Pseudonym\s+aktiv/);
    expect(await textOf(row('ab16'))).toMatch(/Altersprüfung\s+aktiv/);

    await page.click(`${row('meldeschein')} button::-p-text(Bearbeiten)`);
    const edit = 'form[aria-labelledby=edit-app-heading]';
    await page.waitForSelector(edit);
    expect(
      await page.$eval(`${edit} input[name=id]`, (el) => (el as HTMLInputElement).readOnly),
    ).toBe(true);
    expect(
      await page.$eval(
        `${edit} input[name=output][value=handover]`,
        (el) => (el as HTMLInputElement).checked,
      ),
    ).toBe(true);
    expect(
      await page.$eval(
        `${edit} [data-field="1"] input[name=fieldLabelDe]`,
        (el) => (el as HTMLInputElement).value,
      ),
    ).toBe('Kfz-Kennzeichen');
    await fill(`${edit} input[name=titleDe]`, 'Meldeschein Werkstatt');
    await page.click(`${edit} input[name=cardData][value=dateOfBirth]`);
    await page.click(`${edit} button[type=submit]`);
    await waitForText(`${edit} [role=status]`, 'Änderungen gespeichert.');
    await waitForText(row('meldeschein'), 'Meldeschein Werkstatt');

    await page.click(`${row('ab16')} button::-p-text(Archivieren)`);
    await waitForText(row('ab16'), 'archiviert');
    await waitForText('[role=status]', 'App archiviert');
    await page.click(`${row('ab16')} button::-p-text(Wiederherstellen)`);
    await waitForText(row('ab16'), 'aktiv');
    await page.reload();
    await page.waitForSelector(row('ab16'));
    expect(await textOf(row('ab16'))).toContain('aktiv');
    expect(await textOf(row('meldeschein'))).toContain('Meldeschein Werkstatt');
    // The hand-over form's reception page, where the staff type the guest's code.
    expect(
      await page.$eval('[data-testid=reception-pages] a', (link) => link.getAttribute('href')),
    ).toBe('https://eid.sidbox.test/apps/meldeschein/handover');
    expect(problems.list).toEqual([]);
  });

  it('registers a person for the door, creates an access point, logs, edits and revokes', async () => {
    // The list comes from the API after a load: the locator waits for the row.
    await page.locator(`${row('werkstatt')} button::-p-text(Zutritt verwalten)`).click();
    const register = 'form[aria-labelledby=register-heading]';
    await page.waitForSelector(register);
    await page.type(`${register} input[name=label]`, 'Werkstatt, Mo–Fr 7–19');
    await page.click(`${register} button[type=submit]`);
    await page.waitForSelector('[data-testid=registration-code]');
    const code = (await textOf('[data-testid=registration-code]')).trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(await textOf('section[aria-labelledby=code-heading]')).toContain(
      'am Terminal die Kachel „Werkstatt“ öffnen, den Code eingeben',
    );
    await waitForText('table', 'Offene Codes');

    // The person enters the code at a terminal; the eID-Server reports their pseudonym.
    expect(await hub.registerAtTerminal('werkstatt', code, 'card-of-the-mechanic')).toEqual({
      label: 'Werkstatt, Mo–Fr 7–19',
      windows: [],
    });

    const points = 'form[aria-labelledby=add-point-heading]';
    await page.type(`${points} input[name=pointName]`, 'Seiteneingang');
    await page.click(`${points} button[type=submit]`);
    await page.waitForSelector('[data-testid=access-token]');
    const token = (await textOf('[data-testid=access-token]')).trim();
    expect(await textOf('[data-testid=access-config]')).toContain('tokenFile: hub-token.txt');
    await waitForText('[data-testid=access-points]', 'Seiteneingang');

    // The door asks the hub with that token (at the hub's clock; no windows yet: any time).
    expect(await hub.holdCardToDoor(token, 'card-of-the-mechanic')).toMatchObject({
      granted: true,
    });
    expect(await hub.holdCardToDoor(token, 'card-of-a-stranger')).toMatchObject({
      granted: false,
      reason: 'unknown',
    });

    await page.reload();
    // The list comes from the API after a load: the locator waits for the row.
    await page.locator(`${row('werkstatt')} button::-p-text(Zutritt verwalten)`).click();
    await page.waitForSelector('[data-testid=persons]');
    expect(await textOf('[data-testid=persons]')).toMatch(
      /Werkstatt, Mo–Fr 7–19\s+jederzeit\s+aktiv/,
    );
    await page.waitForSelector('[data-testid=decisions]');
    const log = await textOf('[data-testid=decisions]');
    expect(log).toMatch(
      /Seiteneingang\s+unbekannt\s+abgelehnt \(Ausweis nicht registriert\)\s+online vom Hub/,
    );
    expect(log).toMatch(/Seiteneingang\s+Werkstatt, Mo–Fr 7–19\s+geöffnet \(berechtigt\)/);

    // Working days 07:00–19:00, the window a new one starts with.
    await page.click('[data-testid=persons] button::-p-text(Bearbeiten)');
    const edit = 'form[aria-labelledby=edit-person-heading]';
    await page.waitForSelector(edit);
    await page.click(`${edit} button::-p-text(Zeitfenster hinzufügen)`);
    await page.click(`${edit} button[type=submit]`);
    await waitForText('[role=status]', 'Person gespeichert.');
    await waitForText('[data-testid=persons]', 'Mo–Fr 07:00–19:00');
    expect(await wcagViolations(page)).toEqual([]);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('[data-testid=persons] button::-p-text(Widerrufen)');
    await waitForText('[role=status]', 'Zutritt widerrufen.');
    await waitForText('[data-testid=persons]', 'widerrufen');
    expect(await hub.holdCardToDoor(token, 'card-of-the-mechanic')).toMatchObject({
      granted: false,
      reason: 'revoked',
    });
    expect(problems.list).toEqual([]);
  });

  it('is in English after switching the language, and stays so over a reload', async () => {
    await page.click('button.language');
    await waitForText('#page-heading', 'eID apps');
    expect(await textOf(row('meldeschein'))).toMatch(/Registration form\s+active/);
    expect(await textOf(row('werkstatt'))).toContain('Door access by pseudonym');
    expect(await textOf('[data-testid=decisions]')).toContain('refused (ID card not registered)');
    expect(await textOf(`${create} [data-testid=requested-data]`)).toContain(
      'The app asks for exactly this data:',
    );
    await page.reload();
    await waitForText(row('ab16'), 'Age check');
    expect(await wcagViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo, startHub } from '@sidbox/hub';
import { TerminalCredential } from '@sidbox/protocol';
import { signTerminalToken } from '@sidbox/signing';
import { launchTestChromium } from '../../kiosk-ui/test/helpers/chromium.js';

describe('admin UI in Chromium (smoke)', () => {
  let hub: Awaited<ReturnType<typeof startHub>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let enrolled: TerminalCredential | undefined;

  beforeAll(async () => {
    const uiDir = inject('hubUiDir');
    dataDir = mkdtempSync(join(tmpdir(), 'sidbox-hub-ui-'));
    hub = await startHub({ port: 0, dataDir, uiDir, logger: false });
    await seedDemo({ dataDir, hubUrl: hub.url });
    browser = await launchTestChromium();
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const text = (selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

  it('signs in and shows the seed figures', async () => {
    await page.goto(`${hub.url}/`);
    await page.type('input[name=email]', 'admin@sidbox.demo');
    await page.type('input[name=password]', 'sidbox-demo-admin');
    await page.click('button[type=submit]');
    await page.waitForSelector('.key-figure');
    expect(await text('.figures')).toMatch(/625\s+eID-Aktivierungen/);
    expect(await text('.figures')).toMatch(/93\s+Interviews/);
    expect(await text('.figures')).toMatch(/76\s*%\s+Online-Anteil/);
  });

  it("changes a member's membership status and yearly fee", async () => {
    await page.goto(`${hub.url}/#/members`);
    const form = 'form[aria-labelledby=edit-member-heading]';
    await page.waitForSelector(form);
    const dealer = await page.$eval(
      `${form} select[name=memberId]`,
      (select) =>
        [...(select as HTMLSelectElement).options].find((o) => o.text === 'Autohaus Gabler')
          ?.value ?? '',
    );
    await page.select(`${form} select[name=memberId]`, dealer);
    await page.select(`${form} select[name=membershipStatus]`, 'suspended');
    await page.$eval(`${form} input[name=fee]`, (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.type(`${form} input[name=fee]`, '99');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector(`${form} [role=status]`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('tr')].some(
        (row) => row.innerText.includes('Autohaus Gabler') && row.innerText.includes('ruhend'),
      ),
    );
    const row = await page.$$eval('tr', (rows) =>
      rows.map((r) => r.innerText).find((r) => r.includes('Autohaus Gabler')),
    );
    expect(row).toMatch(/99,00\s*€/);
  });

  it("shows a member's own status, so that saving only a new fee keeps it", async () => {
    await page.goto(`${hub.url}/#/members`);
    const form = 'form[aria-labelledby=edit-member-heading]';
    await page.waitForSelector(form);
    // An active member of the demo; the form used to show the first status for every member.
    const name = 'Stadt Bonn';
    const rowOf = () =>
      page.$$eval(
        'tr',
        (rows, wanted) => rows.map((r) => r.innerText).find((r) => r.startsWith(wanted)),
        name,
      );
    expect(await rowOf()).toMatch(/\taktiv\t/);
    const memberId = await page.$eval(
      `${form} select[name=memberId]`,
      (select, wanted) =>
        [...(select as HTMLSelectElement).options].find((o) => o.text === wanted)?.value ?? '',
      name,
    );
    await page.select(`${form} select[name=memberId]`, memberId);
    const status = () =>
      page.$eval(`${form} select[name=membershipStatus]`, (s) => (s as HTMLSelectElement).value);
    expect(await status()).toBe('active');
    await page.$eval(`${form} input[name=fee]`, (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.type(`${form} input[name=fee]`, '123');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector(`${form} [role=status]`);
    await page.reload();
    await page.waitForFunction(
      (wanted) =>
        [...document.querySelectorAll('tr')].some(
          (row) => row.innerText.startsWith(wanted) && row.innerText.includes('123,00'),
        ),
      {},
      name,
    );
    expect(await rowOf()).toMatch(/\taktiv\t/);
    await page.select(`${form} select[name=memberId]`, memberId);
    expect(await status()).toBe('active');
  });

  it('adds a user, says so, and empties the form (no password left in its field)', async () => {
    await page.goto(`${hub.url}/#/members`);
    const form = 'form[aria-labelledby=add-user-heading]';
    await page.waitForSelector(form);
    await page.type(`${form} input[name=email]`, 'kasse@stadt-bonn.example');
    await page.type(`${form} input[name=password]`, 'ein-langes-passwort-42');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector(`${form} [role=status]`);
    expect(await text(`${form} [role=status]`)).toBe('Nutzer kasse@stadt-bonn.example angelegt.');
    const values = await page.$$eval(`${form} input`, (inputs) =>
      inputs.map((input) => (input as HTMLInputElement).value),
    );
    expect(values).toEqual(['', '']);
    await page.reload();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('td')].some((cell) =>
        cell.innerText.includes('kasse@stadt-bonn.example'),
      ),
    );
  });

  it('checks ids in the browser as the API does (a pattern Chromium can compile)', async () => {
    // Chromium compiles `pattern` with the v flag, where a bare "-" in a class is an error: the
    // field then checks nothing and logs an error on every load.
    const mismatch = (selector: string, value: string) =>
      page.$eval(
        selector,
        (input, typed) => {
          (input as HTMLInputElement).value = typed;
          return (input as HTMLInputElement).validity.patternMismatch;
        },
        value,
      );
    for (const [route, field] of [
      ['members', 'input[name=slug]'],
      ['catalogue', 'input[name=id]'],
    ] as const) {
      await page.goto(`${hub.url}/#/${route}`);
      await page.waitForSelector(field);
      expect(await mismatch(field, 'Nicht gültig')).toBe(true);
      expect(await mismatch(field, 'bonn-buergerbuero-2')).toBe(false);
    }
  });

  it('enrolls a terminal and shows its one-time credential', async () => {
    await page.goto(`${hub.url}/#/terminals`);
    await page.waitForSelector('input[name=name]');
    await page.type('input[name=name]', 'Smoke-Terminal');
    await page.click('.inline-form button[type=submit]');
    await page.waitForSelector('[data-testid=credential]');
    const credential = TerminalCredential.parse(JSON.parse(await text('[data-testid=credential]')));
    expect(credential.terminalKey.d).toBeTruthy();
    // The form is empty (no second enrolment of the same terminal by a second click) and the
    // credential, below it, has the focus and is on screen.
    expect(await page.$eval('input[name=name]', (i) => (i as HTMLInputElement).value)).toBe('');
    const credentialShown = await page.$eval('section.credential', (section) => {
      const { top, bottom } = section.getBoundingClientRect();
      return document.activeElement === section && top < innerHeight && bottom > 0;
    });
    expect(credentialShown).toBe(true);
    const download = await page.$eval('.credential a[download]', (a) => a.getAttribute('download'));
    expect(download).toBe(`sidbox-credential-${credential.terminalId}.json`);
    await page.waitForFunction(() => document.body.innerText.includes('Smoke-Terminal'));
    enrolled = credential;
  });

  it("flags a terminal whose browser runs without the terminal's policy", async () => {
    if (!enrolled) throw new Error('needs the terminal enrolled above');
    const heartbeat = await fetch(`${hub.url}/api/terminal/heartbeat`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await signTerminalToken(enrolled)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        configVersion: 1,
        softwareVersion: '0.1.0',
        readerAttached: true,
        blockedNavigations: 0,
        browserPolicyEnforced: false,
        device: { kind: 'basic', printer: false, scanner: false, uptimeSeconds: 60 },
      }),
    });
    expect(heartbeat.status).toBe(200);
    await page.goto('about:blank');
    await page.goto(`${hub.url}/#/terminals`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('tr')].some((r) => r.innerText.includes('Smoke-Terminal')),
    );
    const row = await page.$$eval('tr', (rows) =>
      rows.map((r) => r.innerText).find((r) => r.includes('Smoke-Terminal')),
    );
    expect(row).toContain('Browser-Richtlinie fehlt');
    // Terminals without the flag are not marked.
    expect(await page.$$eval('.tag.alert', (tags) => tags.length)).toBe(1);
  });

  it('edits the catalogue: adds a local entry and selects it for a terminal', async () => {
    await page.goto(`${hub.url}/#/catalogue`);
    await page.waitForSelector('input[name=id]');
    await page.select('select[name=owner]', await firstMemberOption());
    await page.type('input[name=id]', 'smoke-dienst');
    await page.type('input[name=titleDe]', 'Smoke-Dienst');
    await page.type('input[name=descriptionDe]', 'Ein Dienst aus dem Smoke-Test');
    await page.type('input[name=startUrl]', 'https://example.org/start');
    await page.click('form[aria-labelledby=add-service-heading] button[type=submit]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('code')].some((c) => c.textContent === 'smoke-dienst'),
    );
    await page.waitForSelector('.plain button');
    await page.click('.plain button');
    await page.click('section[aria-labelledby=selection-heading] > button');
    await page.waitForSelector('section[aria-labelledby=selection-heading] [role=status]');
  });

  it('shows the survey as one stacked bar per statement', async () => {
    await page.goto(`${hub.url}/#/surveys`);
    await page.waitForSelector('.chart svg');
    const bars = await page.$$eval('.chart .bar', (els) =>
      els.map((el) => ({
        statement: el.getAttribute('data-statement'),
        segments: el.querySelectorAll('svg rect').length,
      })),
    );
    expect(bars.map((b) => b.statement)).toEqual([
      'informative',
      'shows-uses',
      'faster',
      'permanent-terminal',
      'frees-staff',
      'security-concerns',
    ]);
    expect(bars.every((b) => b.segments > 0)).toBe(true);
    expect(await text('.chart')).toContain('informationsreich');
  });

  async function firstMemberOption(): Promise<string> {
    return page.$eval(
      'select[name=owner] option:not([value=national])',
      (o) => (o as HTMLOptionElement).value,
    );
  }
});

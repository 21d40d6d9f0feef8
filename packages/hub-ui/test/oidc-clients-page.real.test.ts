import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EidServerOidcClientsResponse } from '@sidbox/protocol';
import { wcagViolations } from '../../kiosk-ui/test/helpers/axe.js';
import { launchTestChromium } from '../../kiosk-ui/test/helpers/chromium.js';
import { watchPageProblems, type PageProblems } from '../../kiosk-ui/test/helpers/page-problems.js';
import { signIn, startEidAppsHub } from './helpers/eid-apps-hub.js';
import { pageText } from './helpers/page-text.js';

// The "Anmeldung mit Ausweis" page in Debian's Chromium against a real hub, as a member admin:
// a platform registered in German (a bad redirect URI named first), its secret shown once with
// issuer and discovery URL — the same secret the eID-Server then pulls —, gone after a reload;
// changed, its secret renewed, archived and restored, a taken id refused; the page in English;
// WCAG 2.1 A/AA by axe-core; no console error anywhere.

let hub: Awaited<ReturnType<typeof startEidAppsHub>>;
let browser: Browser;
let page: Page;
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

const create = 'form[aria-labelledby=create-client-heading]';
const edit = 'form[aria-labelledby=edit-client-heading]';
const row = (clientId: string) => `tr[data-client="${clientId}"]`;
const issuer = 'https://eid.sidbox.test/oidc';
const secretsAtEidServer = async () =>
  new Map(
    (
      await hub.pulledByEidServer<EidServerOidcClientsResponse>('/api/eid-server/oidc-clients')
    ).clients.map((client) => [client.clientId, client.clientSecret]),
  );

describe('"Anmeldung mit Ausweis" page (member admin, Chromium)', () => {
  let firstSecret = '';

  it('registers a platform in German and shows its secret once with what the platform needs', async () => {
    await signIn(page, `${hub.url}/#/oidc-clients`);
    expect(problems.list).toEqual([expect.stringMatching(/status of 401 .*\/api\/admin\/session/)]);
    problems.clear();
    expect(await textOf('#page-heading')).toBe('Anmeldung mit Ausweis');
    await waitForText('[data-testid=provider-settings]', issuer);
    expect(await textOf('[data-testid=provider-settings]')).toContain(
      `${issuer}/.well-known/openid-configuration`,
    );

    await fill(`${create} input[name=clientId]`, 'kundenportal');
    await fill(`${create} input[name=name]`, 'Kundenportal Autohaus');
    await fill(
      `${create} textarea[name=redirectUris]`,
      'https://kunden.autohaus.example/oidc/callback\nhttp://portal.example/cb',
    );
    await page.click(`${create} input[name=claims][value=age_over]`);
    await fill(`${create} input[name=minimumAge]`, '21');
    await page.click(`${create} button[type=submit]`);
    await waitForText(`${create} [role=alert]`, 'http://portal.example/cb');
    expect(await page.$('[data-testid=oidc-clients]')).toBeNull();

    await fill(
      `${create} textarea[name=redirectUris]`,
      'https://kunden.autohaus.example/oidc/callback\nhttp://127.0.0.1:8080/callback',
    );
    await page.click(`${create} button[type=submit]`);
    await waitForText(`${create} [role=status]`, 'Plattform eingetragen.');
    await page.waitForSelector('[data-testid=client-secret-panel]');
    const shown = async (id: string) => (await textOf(`[data-testid=${id}]`)).trim();
    firstSecret = await shown('client-secret');
    expect(firstSecret).toMatch(/^[\w-]{43}$/);
    expect([await shown('client-id'), await shown('issuer'), await shown('discovery')]).toEqual([
      'kundenportal',
      issuer,
      `${issuer}/.well-known/openid-configuration`,
    ]);
    expect(await textOf('[data-testid=client-secret-panel]')).toContain('nur jetzt angezeigt');
    // One click selects the whole secret to copy (a double click would stop at a dash).
    await page.click('[data-testid=client-secret]');
    expect(await page.evaluate(() => getSelection()?.toString().trim())).toBe(firstSecret);
    expect((await secretsAtEidServer()).get('kundenportal')).toBe(firstSecret);
    // The form is empty again for the next platform.
    expect(
      await page.$eval(`${create} input[name=clientId]`, (el) => (el as HTMLInputElement).value),
    ).toBe('');
    expect(await textOf(row('kundenportal'))).toMatch(
      /Kundenportal Autohaus\s+Vorname\(n\), Familienname, mindestens 21 Jahre alt \(ja\/nein\)\s+aktiv/,
    );
    expect(await wcagViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });

  it('keeps the platform over a reload, without its secret; changes it and renews the secret', async () => {
    await page.reload();
    await page.waitForSelector(row('kundenportal'));
    expect(await page.$('[data-testid=client-secret-panel]')).toBeNull();
    expect(await page.content()).not.toContain(firstSecret);

    await page.click(`${row('kundenportal')} button::-p-text(Bearbeiten)`);
    await page.waitForSelector(edit);
    expect(
      await page.$eval(`${edit} input[name=clientId]`, (el) => (el as HTMLInputElement).readOnly),
    ).toBe(true);
    expect(
      await page.$eval(
        `${edit} textarea[name=redirectUris]`,
        (el) => (el as HTMLTextAreaElement).value,
      ),
    ).toBe('https://kunden.autohaus.example/oidc/callback\nhttp://127.0.0.1:8080/callback');
    await fill(`${edit} input[name=name]`, 'Kundenportal');
    await page.click(`${edit} input[name=claims][value=age_over]`);
    await page.click(`${edit} input[name=claims][value=birthdate]`);
    await page.click(`${edit} button[type=submit]`);
    await waitForText(`${edit} [role=status]`, 'Änderungen gespeichert.');
    await waitForText(row('kundenportal'), 'Vorname(n), Familienname, Geburtsdatum');
    await page.click(`${edit} button::-p-text(Abbrechen)`);
    await page.waitForSelector(create);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.click(`${row('kundenportal')} button::-p-text(Neues Secret)`);
    await waitForText('[role=status]', 'Neues Client-Secret erzeugt.');
    await page.waitForSelector('[data-testid=client-secret]');
    const renewed = (await textOf('[data-testid=client-secret]')).trim();
    expect(renewed).not.toBe(firstSecret);
    expect((await secretsAtEidServer()).get('kundenportal')).toBe(renewed);
    expect(problems.list).toEqual([]);
  });

  it('archives and restores the platform, and refuses a taken client id', async () => {
    await page.click(`${row('kundenportal')} button::-p-text(Archivieren)`);
    await waitForText(row('kundenportal'), 'archiviert');
    expect((await secretsAtEidServer()).has('kundenportal')).toBe(false);
    await page.click(`${row('kundenportal')} button::-p-text(Wiederherstellen)`);
    await waitForText(row('kundenportal'), 'aktiv');
    await waitForText('[role=status]', 'Plattform wiederhergestellt.');

    await fill(`${create} input[name=clientId]`, 'kundenportal');
    await fill(`${create} input[name=name]`, 'Noch einmal');
    await fill(`${create} textarea[name=redirectUris]`, 'https://noch.example/cb');
    await page.click(`${create} button[type=submit]`);
    await waitForText(`${create} [role=alert]`, 'Diese Client-ID ist schon vergeben.');
    expect(await page.$$eval('[data-testid=oidc-clients] tbody tr', (rows) => rows.length)).toBe(1);
    // Chromium itself reports the refused request (409); nothing else may appear.
    expect(problems.list.filter((p) => !p.includes('status of 409'))).toEqual([]);
    problems.clear();
  });

  it('is in English after switching the language, and stays so over a reload', async () => {
    await page.click('button.language');
    await waitForText('#page-heading', 'Sign in with ID card');
    expect(await textOf(row('kundenportal'))).toMatch(
      /Kundenportal\s+Given name\(s\), Family name, Date of birth\s+active/,
    );
    expect(await textOf(create)).toContain('Redirect URIs (one per line)');
    await page.reload();
    await waitForText(row('kundenportal'), 'active');
    expect(await textOf('[data-testid=provider-settings]')).toContain('Discovery URL');
    expect(await wcagViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  });
});

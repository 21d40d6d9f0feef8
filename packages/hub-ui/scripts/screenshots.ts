// Hub admin UI screenshots for docs/screenshots (run by `npm run screenshots` after the kiosk
// UI's, which clears the folder and writes its README; this adds a section to it): the eID-Apps
// and "Anmeldung mit Ausweis" pages of a member admin in German and English, against a real hub
// with the demo data, its apps made through the admin API and its door used as an access point
// and the eID-Server would.
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type {
  AccessPointCreatedResponse,
  AccessRegistrationCreatedResponse,
} from '@sidbox/protocol';
import { launchTestChromium } from '../../kiosk-ui/test/helpers/chromium.js';
import { memberAdmin, packageDir, signIn, startEidAppsHub } from '../test/helpers/eid-apps-hub.js';

const outDir = join(packageDir, '..', '..', 'docs', 'screenshots');
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: packageDir });
const hub = await startEidAppsHub(join(packageDir, 'dist'));

/** The admin API as the member admin (session cookie and CSRF token from the login). */
async function adminApi() {
  const login = await fetch(`${hub.url}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(memberAdmin),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(path: string, body: unknown): Promise<T> => {
    const answer = await fetch(`${hub.url}/api/admin${path}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
}

const post = await adminApi();
await post('/eid-apps', {
  id: 'gaesteanmeldung',
  title: { de: 'Gästeanmeldung', en: 'Guest registration' },
  purpose: {
    de: 'Meldeschein für Übernachtungsgäste',
    en: 'Registration form for overnight guests',
  },
  settings: {
    kind: 'form',
    cardData: ['givenNames', 'familyNames', 'dateOfBirth', 'nationality', 'placeOfResidence'],
    fields: [
      { id: 'anreise', label: { de: 'Anreise', en: 'Arrival' }, type: 'date', required: true },
      { id: 'zimmer', label: { de: 'Zimmer', en: 'Room' }, type: 'text', required: false },
    ],
    output: 'handover',
  },
});
await post('/eid-apps', {
  id: 'werkstatt',
  title: { de: 'Werkstatt', en: 'Workshop' },
  purpose: { de: 'Zutritt zur Werkstatt', en: 'Entry to the workshop' },
  settings: { kind: 'access' },
});
await post('/eid-apps', {
  id: 'probefahrt',
  title: { de: 'Probefahrt ab 18', en: 'Test drive from 18' },
  purpose: { de: 'Alter für die Probefahrt', en: 'Age for a test drive' },
  settings: { kind: 'age', minimumAge: 18 },
});
const people = [
  {
    label: 'Meisterin Werkstatt',
    windows: [{ days: [1, 2, 3, 4, 5], from: '06:30', to: '20:00' }],
  },
  {
    label: 'Aushilfe Samstag',
    windows: [
      { days: [6], from: '08:00', to: '13:00' },
      { days: [3], from: '14:00', to: '18:00' },
    ],
  },
];
for (const [index, grant] of people.entries()) {
  const { code } = await post<AccessRegistrationCreatedResponse>(
    '/eid-apps/werkstatt/registrations',
    grant,
  );
  await hub.registerAtTerminal('werkstatt', code, `card-${index}`);
}
const { token } = await post<AccessPointCreatedResponse>('/eid-apps/werkstatt/access-points', {
  name: 'Seiteneingang',
});
const monday = new Date('2025-03-03T07:12:00Z');
await hub.holdCardToDoor(token, 'card-0', monday);
await hub.holdCardToDoor(token, 'card-1', monday);
await hub.holdCardToDoor(token, 'card-of-a-stranger', new Date('2025-03-03T07:15:00Z'));

// "Anmeldung mit Ausweis": a platform already registered; the screenshot registers another.
await post('/oidc-clients', {
  clientId: 'werkstatt-portal',
  name: 'Kundenportal Werkstatt',
  redirectUris: ['https://kunden.werkstatt.example/oidc/callback'],
  claims: ['given_name', 'family_name'],
});

const browser = await launchTestChromium();
const rows: string[] = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1024 });
  await signIn(page, `${hub.url}/#/eid-apps`);
  const shot = async (file: string) => {
    await page.screenshot({ path: join(outDir, file) as `${string}.png`, fullPage: true });
    return `[${file.replace('.png', '')}](${file})`;
  };
  const list: string[] = [];
  const access: string[] = [];
  const platforms: string[] = [];
  for (const lang of ['de', 'en']) {
    await page.evaluate((l) => localStorage.setItem('sidbox-hub-language', l), lang);
    await page.goto(`${hub.url}/#/eid-apps`);
    await page.reload();
    await page.waitForSelector('tr[data-app=werkstatt]');
    list.push(await shot(`hub-eid-apps-${lang}.png`));
    await openAccess(page, lang);
    access.push(await shot(`hub-eid-app-access-${lang}.png`));
    await registerPlatform(page, lang);
    platforms.push(await shot(`hub-oidc-clients-${lang}.png`));
  }
  rows.push(
    `| eID-Apps: a member's apps, creating one (form, door access, age check) | ${list.join(' · ')} |`,
  );
  rows.push(
    `| Door access: the one-time code just made, registered persons, access points, the log | ${access.join(' · ')} |`,
  );
  rows.push(
    `| Anmeldung mit Ausweis: a platform just registered, its secret shown once with client id, issuer and discovery URL | ${platforms.join(' · ')} |`,
  );
} finally {
  await browser.close();
  await hub.close();
}

/** Opens the door app's management and registers one more person, so the code is on screen. */
async function openAccess(page: Page, lang: string) {
  await page.click('tr[data-app=werkstatt] button:nth-of-type(2)');
  await page.waitForSelector('[data-testid=decisions]');
  await page.type(
    'form[aria-labelledby=register-heading] input[name=label]',
    lang === 'de' ? 'Lieferant, Mo–Fr 7–9' : 'Supplier, Mon–Fri 7–9',
  );
  await page.click('form[aria-labelledby=register-heading] button[type=submit]');
  await page.waitForSelector('[data-testid=registration-code]');
}

/** Registers a learning platform on "Anmeldung mit Ausweis", so its secret is on screen. */
async function registerPlatform(page: Page, lang: string) {
  await page.goto(`${hub.url}/#/oidc-clients`);
  const form = 'form[aria-labelledby=create-client-heading]';
  await page.waitForSelector(`${form} input[name=clientId]`);
  await page.type(`${form} input[name=clientId]`, `lernplattform-${lang}`);
  await page.type(
    `${form} input[name=name]`,
    lang === 'de' ? 'Lernplattform Volkshochschule' : 'Adult education learning platform',
  );
  await page.type(`${form} textarea[name=redirectUris]`, 'https://lernen.vhs.example/callback');
  await page.click(`${form} input[name=claims][value=age_over]`);
  await page.$eval(`${form} input[name=minimumAge]`, (input) => {
    (input as HTMLInputElement).value = '';
  });
  await page.type(`${form} input[name=minimumAge]`, '16');
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector('[data-testid=client-secret-panel]');
}

appendFileSync(
  join(outDir, 'README.md'),
  [
    '',
    '## Hub admin UI',
    '',
    'The eID-Apps and “Anmeldung mit Ausweis” pages of a member admin',
    '(`packages/hub-ui/scripts/screenshots.ts`: a real hub with the demo data; the persons registered',
    'and the door used as the eID-Server and an access point would).',
    '',
    '| screen | files |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
console.log(`screenshots: ${rows.length} hub admin screens written to ${outDir}`);

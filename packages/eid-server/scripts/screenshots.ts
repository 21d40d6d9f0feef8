// The eID-Server's citizen pages for docs/screenshots (run by `npm run screenshots` after the kiosk
// UI's, which clears the folder and writes its README; this adds sections to it): the members'
// eID apps (the server in process with its FAKE hub and the card double, as
// test/apps-browser.real.test.ts runs them) and the self-check, in German, English and Arabic,
// at 1280×800 as the kiosk browser shows them, without the kiosk bar the terminal draws above;
// the phone check's pages as the citizen's phone shows them (390×844), and the OpenID provider's
// sign-in page as a platform's visitor sees it.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import type { Page } from 'puppeteer-core';
import { PhoneCheckCreated } from '@sidbox/protocol';
import { launchTestChromium } from '../../kiosk-ui/test/helpers/chromium.js';
import {
  addDemoApps,
  afterCard,
  demoApps,
  fillForm,
  issueDoorCode,
  submit,
} from '../test/helpers/app-pages.js';
import { startAppsServer } from '../test/helpers/apps-server.js';
import { httpsRequest } from '../test/helpers/https-client.js';
import { startOidcServer } from '../test/helpers/oidc-server.js';
import { startSelfCheckServer } from '../test/helpers/self-check-server.js';

const outDir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
const languages = ['de', 'en', 'ar'] as const;
type Language = (typeof languages)[number];

const [apps, selfCheck, provider, browser] = await Promise.all([
  startAppsServer(),
  startSelfCheckServer(),
  startOidcServer(),
  launchTestChromium({ acceptInsecureCerts: true }),
]);
addDemoApps(apps);
// A university's learning platform (member "Hochschule Aurora"), names and "older than 18".
const platform = provider.directory.add(provider.members.a, {
  clientId: 'lernplattform-aurora',
  name: 'Lernplattform Aurora',
  redirectUris: ['https://lernen.aurora.example/callback'],
  claims: ['given_name', 'family_name', 'age_over'],
  minimumAge: 18,
});

/** A screen: its title in the README, and how the browser gets there in a language. */
interface Shot {
  name: string;
  title: string;
  reach(page: Page, language: Language): Promise<unknown>;
}

const open = (page: Page, origin: string, path: string) =>
  page.goto(new URL(path, origin).href).then((answer) => {
    if (answer === null || answer.status() >= 500) throw new Error(`${path}: ${answer?.status()}`);
  });

const appShots: Shot[] = [
  {
    name: 'eid-app-form',
    title: 'A form app’s page: purpose, the data it reads from the card, the start',
    reach: (page, lang) => open(page, apps.origin, `/apps/${demoApps.form}?lang=${lang}`),
  },
  {
    name: 'eid-app-door',
    title: 'A door app’s page: the registration code first',
    reach: (page, lang) => open(page, apps.origin, `/apps/${demoApps.door}?lang=${lang}`),
  },
  {
    name: 'eid-app-age',
    title: 'An age check’s page: only “older than 18” is read',
    reach: (page, lang) => open(page, apps.origin, `/apps/${demoApps.age}?lang=${lang}`),
  },
  {
    name: 'eid-app-form-filled',
    title: 'The form: card data read-only, the member’s fields filled in',
    async reach(page, lang) {
      await afterCard(apps, page, demoApps.form, `lang=${lang}`);
      await fillForm(page);
    },
  },
  {
    name: 'eid-app-check',
    title: 'The check before printing: correct, or print with the kiosk bar and finish',
    reach: (page) => submit(page, 'main form button[type=submit]'),
  },
  {
    name: 'eid-app-handover-code',
    title: 'A form handed over: the one-time code for the reception',
    async reach(page, lang) {
      await afterCard(apps, page, demoApps.handover, `lang=${lang}`);
      await fillForm(page);
      await submit(page, 'main form button[type=submit]');
      await submit(page, 'form.inline button');
    },
  },
  {
    name: 'eid-app-registered',
    title: 'Door access: registered under the label the member gave',
    reach: (page, lang) =>
      afterCard(apps, page, demoApps.door, `lang=${lang}&code=${issueDoorCode(apps)}`),
  },
  {
    name: 'eid-app-age-yes',
    title: 'Age check: yes, older than 18 (no date of birth read)',
    reach: (page, lang) => afterCard(apps, page, demoApps.age, `lang=${lang}`),
  },
];

const selfCheckShots: Shot[] = [
  {
    name: 'self-check-start',
    title: 'Self-check: start',
    reach: (page, lang) => open(page, selfCheck.origin, `/self-check?lang=${lang}`),
  },
  {
    name: 'self-check-result',
    title: 'Self-check: what the card says',
    async reach(page, lang) {
      const check = await selfCheck.startCheck(lang);
      selfCheck.runCard(check);
      const { pathname, search } = check.refreshAddress;
      await open(page, selfCheck.origin, `${pathname}${search}&ResultMajor=ok`);
    },
  },
];

/** The phone check's pages: one check per language, its link opened, used, and its result. */
let phoneCheck: { link: URL; eidLink: URL } | undefined;
const phoneShots: Shot[] = [
  {
    name: 'phone-check-link',
    title: 'The one-time link: what the check does, the start',
    async reach(page, lang) {
      const answer = await httpsRequest(`${selfCheck.origin}/phone-checks`, {
        ca: selfCheck.ca,
        method: 'POST',
      });
      const link = new URL(PhoneCheckCreated.parse(JSON.parse(answer.body)).link);
      phoneCheck = { link, eidLink: link };
      await open(page, selfCheck.origin, `${link.pathname}?lang=${lang}`);
    },
  },
  {
    name: 'phone-check-start',
    title: 'The start: the button opens the AusweisApp on the phone',
    async reach(page) {
      await submit(page, 'main a[href*="/start"]');
      const href = await page.$eval('a[href^="eid:"]', (a) => a.getAttribute('href') ?? '');
      if (phoneCheck) phoneCheck.eidLink = new URL(href);
    },
  },
  {
    name: 'phone-check-used',
    title: 'The same link again: already used',
    reach: (page, lang) =>
      open(page, selfCheck.origin, `${phoneCheck?.link.pathname ?? '/'}?lang=${lang}`),
  },
  {
    name: 'phone-check-result',
    title:
      'The result on the phone: the name read from the card, shown once (the kiosk says only “ready”)',
    async reach(page) {
      const activation = phoneCheck?.eidLink ?? new URL('eid://none');
      const tcTokenUrl = activation.searchParams.get('tcTokenURL') ?? '';
      const tcToken = await selfCheck.get(tcTokenUrl);
      const refresh = /<RefreshAddress>([^<]*)<\/RefreshAddress>/.exec(tcToken.body)?.[1] ?? '';
      const refreshAddress = new URL(refresh.replaceAll('&amp;', '&'));
      const sessionId = new URL(tcTokenUrl).pathname.split('/').at(-1) ?? '';
      selfCheck.runCard({ activation, sessionId, refreshAddress });
      await open(page, selfCheck.origin, `${refreshAddress.pathname}${refreshAddress.search}`);
    },
  },
];

const signinShots: Shot[] = [
  {
    name: 'oidc-signin',
    title: '“Mit dem Personalausweis anmelden”: the platform, what it receives, start or cancel',
    async reach(page, lang) {
      const config = await provider.client(platform.clientId);
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: platform.redirectUris[0] ?? '',
        scope: 'openid profile age_over',
        code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
        code_challenge_method: 'S256',
        state: oidc.randomState(),
      });
      await page.setExtraHTTPHeaders({ 'accept-language': lang });
      await open(page, url.origin, `${url.pathname}${url.search}`);
    },
  },
];

/** Takes each shot in each language, in order (a shot may go on from the one before). */
async function take(page: Page, shots: Shot[]): Promise<string[]> {
  const files = new Map<string, string[]>();
  for (const language of languages)
    for (const { name, reach } of shots) {
      await reach(page, language);
      const file = `${name}-${language}.png`;
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // The whole page; captured beyond the viewport, Chromium shifts a right-to-left page.
      await page.screenshot({
        path: join(outDir, file) as `${string}.png`,
        fullPage: true,
        captureBeyondViewport: false,
      });
      files.set(name, [...(files.get(name) ?? []), `[${file.replace('.png', '')}](${file})`]);
    }
  return shots.map(({ name, title }) => `| ${title} | ${(files.get(name) ?? []).join(' · ')} |`);
}

async function phonePage(): Promise<Page> {
  const phone = await browser.newPage();
  await phone.setViewport({ width: 390, height: 844, deviceScaleFactor: 2, isMobile: true });
  return phone;
}

let rows: { apps: string[]; selfCheck: string[]; phone: string[]; signin: string[] };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  rows = {
    apps: await take(page, appShots),
    selfCheck: await take(page, selfCheckShots),
    // It sends the language as the visitor's browser would: after the others on this page.
    signin: await take(page, signinShots),
    // A page of its own, opened last: Chromium does not paint a tab in the background.
    phone: await take(await phonePage(), phoneShots),
  };
} finally {
  await browser.close();
  await Promise.all([apps.close(), selfCheck.close(), provider.close()]);
}

appendFileSync(
  join(outDir, 'README.md'),
  [
    '',
    "## Members' eID apps (on the eID-Server, in the kiosk browser)",
    '',
    'The pages a citizen sees when opening a member’s eID app tile',
    '(`packages/eid-server/scripts/screenshots.ts`: the eID-Server in process with a fake hub and',
    'the test card double “Erika Mustermann”, 1280×800, the whole page). These are the pages',
    'alone: in the kiosk the terminal draws its kiosk bar (Home, language, text size, Print)',
    'above them, as on the service pages above.',
    '',
    '| screen | files |',
    '|---|---|',
    ...rows.apps,
    '',
    '## eID-Server self-check',
    '',
    'The same server’s self-check pages, the same way.',
    '',
    '| screen | files |',
    '|---|---|',
    ...rows.selfCheck,
    '',
    '## Ihr Smartphone einrichten (on the citizen’s phone)',
    '',
    'The one-time link of the kiosk’s second QR code, as the citizen’s phone shows it (390×844,',
    'the same server and card double; the kiosk’s side is above).',
    '',
    '| screen | files |',
    '|---|---|',
    ...rows.phone,
    '',
    '## Mit dem Personalausweis anmelden (OpenID Connect)',
    '',
    'The provider’s sign-in page a member’s platform sends its visitors to (the same server with',
    'a platform registered as in the hub, 1280×800).',
    '',
    '| screen | files |',
    '|---|---|',
    ...rows.signin,
    '',
  ].join('\n'),
);
const count = Object.values(rows).reduce((sum, list) => sum + list.length, 0);
console.log(`screenshots: ${count} eID-Server screens`);

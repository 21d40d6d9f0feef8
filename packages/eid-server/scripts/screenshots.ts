// The eID-Server's citizen pages for docs/screenshots (run by `npm run screenshots` after the kiosk
// UI's, which clears the folder and writes its README; this adds sections to it): the members'
// eID apps (the server in process with its FAKE hub and the card double, as
// test/apps-browser.real.test.ts runs them) and the self-check, in German, English and Arabic,
// at 1280×800 as the kiosk browser shows them, without the kiosk bar the terminal draws above.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
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
import { startSelfCheckServer } from '../test/helpers/self-check-server.js';

const outDir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
const languages = ['de', 'en', 'ar'] as const;
type Language = (typeof languages)[number];

const [apps, selfCheck, browser] = await Promise.all([
  startAppsServer(),
  startSelfCheckServer(),
  launchTestChromium({ acceptInsecureCerts: true }),
]);
addDemoApps(apps);

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

let rows: { apps: string[]; selfCheck: string[] };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  rows = { apps: await take(page, appShots), selfCheck: await take(page, selfCheckShots) };
} finally {
  await browser.close();
  await Promise.all([apps.close(), selfCheck.close()]);
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
  ].join('\n'),
);
console.log(`screenshots: ${rows.apps.length + rows.selfCheck.length} eID-Server screens`);

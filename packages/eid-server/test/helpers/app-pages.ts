import type { EidAppInput } from '@sidbox/protocol';
import type { HTTPResponse, Page } from 'puppeteer-core';
import type { AppsServer } from './apps-server.js';

/**
 * A hotel's apps as a member would set them up, in German, English and Arabic, and the steps a
 * citizen's browser takes through their pages: shared by the browser suite
 * (apps-browser.real.test.ts) and the documentation's screenshots (scripts/screenshots.ts).
 */
export const demoApps = {
  form: 'meldeschein',
  handover: 'gaesteanmeldung',
  door: 'werkstatt',
  age: 'probefahrt',
  ageTooYoung: 'oldtimer',
} as const;

const formSettings = {
  kind: 'form',
  cardData: ['givenNames', 'familyNames', 'dateOfBirth', 'nationality', 'placeOfResidence'],
  fields: [
    {
      id: 'anreise',
      label: { de: 'Anreise', en: 'Arrival', ar: 'تاريخ الوصول' },
      type: 'date',
      required: true,
    },
    {
      id: 'zimmer',
      label: { de: 'Zimmer', en: 'Room', ar: 'الغرفة' },
      type: 'text',
      required: false,
    },
    {
      id: 'mail',
      label: { de: 'E-Mail', en: 'Email', ar: 'البريد الإلكتروني' },
      type: 'email',
      required: false,
    },
    {
      id: 'bemerkung',
      label: { de: 'Bemerkung', en: 'Note', ar: 'ملاحظة' },
      type: 'textarea',
      required: false,
    },
  ],
  output: 'print',
} as const satisfies EidAppInput['settings'];

const inputs: EidAppInput[] = [
  {
    id: demoApps.form,
    title: { de: 'Meldeschein', en: 'Registration form', ar: 'استمارة التسجيل' },
    purpose: {
      de: 'Der Meldeschein für Ihren Aufenthalt im Hotel Aurora, ausgefüllt und gedruckt.',
      en: 'The registration form for your stay at Hotel Aurora, filled in and printed.',
      ar: 'استمارة التسجيل لإقامتك في فندق أورورا، معبأة ومطبوعة.',
    },
    settings: formSettings,
  },
  {
    id: demoApps.handover,
    title: { de: 'Gästeanmeldung', en: 'Guest check-in', ar: 'تسجيل الضيوف' },
    purpose: {
      de: 'Ihre Anmeldung geht direkt an die Rezeption, ohne Papier.',
      en: 'Your check-in goes straight to the reception, without paper.',
      ar: 'يصل تسجيلك مباشرة إلى الاستقبال، دون ورق.',
    },
    settings: { ...formSettings, output: 'handover' },
  },
  {
    id: demoApps.door,
    title: { de: 'Werkstatt', en: 'Workshop', ar: 'الورشة' },
    purpose: {
      de: 'Ihr Ausweis öffnet danach die Tür der Werkstatt.',
      en: 'Your ID card then opens the workshop door.',
      ar: 'بعد ذلك تفتح بطاقة هويتك باب الورشة.',
    },
    settings: { kind: 'access' },
  },
  {
    id: demoApps.age,
    title: { de: 'Probefahrt ab 18', en: 'Test drive from 18', ar: 'قيادة تجريبية من سن 18' },
    purpose: {
      de: 'Für eine Probefahrt müssen Sie älter als 18 Jahre sein.',
      en: 'For a test drive you must be older than 18.',
      ar: 'للقيادة التجريبية يجب أن يكون عمرك أكثر من 18 عامًا.',
    },
    settings: { kind: 'age', minimumAge: 18 },
  },
  {
    id: demoApps.ageTooYoung,
    title: { de: 'Oldtimer-Ausfahrt', en: 'Vintage car ride', ar: 'جولة بسيارة كلاسيكية' },
    purpose: {
      de: 'Nur für Gäste, die älter als 99 Jahre sind.',
      en: 'Only for guests older than 99.',
      ar: 'فقط للضيوف الذين تجاوزت أعمارهم 99 عامًا.',
    },
    settings: { kind: 'age', minimumAge: 99 },
  },
];

/** Registration codes the fake hub knows for the door app: one to register with. */
export const doorCode = 'ABCD2345';

export function addDemoApps(server: AppsServer): void {
  for (const input of inputs) server.directory.add(server.members.a, input);
}

/** A fresh one-time code of the door app that registers "Meisterin Werkstatt". */
export function issueDoorCode(server: AppsServer): string {
  server.directory.codes.set(`${demoApps.door}/${doorCode}`, { label: 'Meisterin Werkstatt' });
  return doorCode;
}

/**
 * Starts an app (`query` as the start address would carry it), reads the card double, and
 * sends the browser to the RefreshAddress as AusweisApp would: the app's result page.
 */
export async function afterCard(
  server: AppsServer,
  page: Page,
  app: string,
  query: string,
): Promise<HTTPResponse | null> {
  const started = await server.start(`/apps/${app}/start?${query}`);
  const run = server.runCard(started);
  if (run.result.major !== 'ok') throw new Error(`card double: ${JSON.stringify(run.result)}`);
  const url = new URL(started.refreshAddress);
  url.searchParams.set('ResultMajor', 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok');
  return page.goto(new URL(url.pathname + url.search, server.origin).href);
}

/** What a guest types into the form (the date set directly: typing it depends on the locale). */
export async function fillForm(page: Page): Promise<void> {
  await page.$eval('#field-anreise', (el) => ((el as HTMLInputElement).value = '2025-06-01'));
  await page.type('#field-zimmer', '12');
  await page.type('#field-mail', 'erika@example.org');
}

/** Submits the form around `selector` (a button) and waits for the next page. */
export async function submit(page: Page, selector: string): Promise<HTTPResponse | null> {
  const [answer] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return answer;
}

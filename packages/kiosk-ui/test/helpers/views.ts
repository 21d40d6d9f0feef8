import { KioskView, type EidStep, type KioskService } from '@sidbox/protocol';

/** The views the tests, the screenshots and the bench show: one per screen of the kiosk UI. */
const entry = { workflow: 'auth', training: false } as const;
const pinEntry = { keypad: false, lastAttemptWrong: false } as const;

const service = (
  id: string,
  de: string,
  en: string,
  about: [string, string],
  category: KioskService['category'],
  eid: boolean,
  selfCheck = false,
): KioskService => ({
  id,
  title: { de, en },
  description: { de: about[0], en: about[1] },
  category,
  eid,
  selfCheck,
});

export const services: KioskService[] = [
  service(
    'fuehrungszeugnis',
    'Führungszeugnis beantragen',
    'Apply for a certificate of good conduct',
    ['Beim Bundesamt für Justiz, online bezahlen', 'At the Federal Office of Justice, pay online'],
    'certificates',
    true,
  ),
  service(
    'wohnsitz',
    'Wohnsitz ummelden',
    'Register a new address',
    ['Umzug innerhalb Deutschlands', 'Moving within Germany'],
    'residence',
    true,
  ),
  service(
    'rente',
    'Renteninformation abrufen',
    'Get your pension information',
    [
      'Ihr Rentenkonto bei der Deutschen Rentenversicherung',
      'Your pension account at the German pension insurance',
    ],
    'pension-tax',
    true,
  ),
  service(
    'termin',
    'Termin buchen',
    'Book an appointment',
    ['Einen Termin im Bürgeramt vereinbaren', 'Make an appointment at the citizen office'],
    'other',
    false,
  ),
  service(
    'online-ausweis-testen',
    'Online-Ausweis testen',
    'Test your online ID',
    ['Sehen, was Ihr Ausweis speichert', 'See what your ID card stores'],
    'eid',
    true,
    true,
  ),
];

/** Eleven services: the home screen then offers its search field. */
export const manyServices: KioskService[] = [
  ...services,
  service(
    'ikfz',
    'Auto zulassen (i-Kfz)',
    'Register a car (i-Kfz)',
    ['Fahrzeug online zulassen oder abmelden', 'Register or deregister a vehicle online'],
    'vehicle',
    true,
  ),
  service(
    'punkte',
    'Punkteauskunft Flensburg',
    'Driving points in Flensburg',
    [
      'Ihr Punktestand beim Kraftfahrt-Bundesamt',
      'Your points at the Federal Motor Transport Authority',
    ],
    'vehicle',
    true,
  ),
  service(
    'elster',
    'ELSTER Steuererklärung',
    'ELSTER tax return',
    ['Steuererklärung online abgeben', 'File your tax return online'],
    'pension-tax',
    true,
  ),
  service(
    'bafoeg',
    'BAföG beantragen',
    'Apply for BAföG',
    ['Studienförderung online beantragen', 'Apply for student funding online'],
    'education',
    true,
  ),
  service(
    'gewerbe',
    'Gewerbe anmelden',
    'Register a business',
    ['Gewerbeanmeldung beim Ordnungsamt', 'Business registration at the public order office'],
    'business',
    true,
  ),
  service(
    'bundid',
    'BundID-Konto',
    'BundID account',
    ['Das Nutzerkonto des Bundes', 'The federal user account'],
    'eid',
    true,
  ),
];

export const base: KioskView = KioskView.parse({
  state: 'active',
  services,
  languages: ['de', 'en', 'tr', 'ar', 'uk', 'ru'],
  branding: { memberName: 'Bundesstadt Bonn', colours: { primary: '#004b87', accent: '#f5a800' } },
  training: false,
  warningDeadline: null,
  eid: null,
  cardReminder: false,
  language: 'de',
  textScale: 1,
  apps: [
    {
      id: 'bonn-app',
      title: { de: 'Bonn-App der Stadt', en: 'City of Bonn app' },
      url: 'https://www.bonn.de/app',
    },
  ],
  readerMissing: false,
  trainingScenarios: [],
  trainingScenario: null,
  speech: false,
  staff: null,
  phoneSetup: { offered: true, check: null },
});

export const trainingScenarios: KioskView['trainingScenarios'] = [
  {
    id: 'transport-pin',
    title: { de: 'PIN-Brief, noch nicht aktiviert', en: 'PIN letter, not yet activated' },
    description: {
      de: 'Neue Karte mit fünfstelliger Transport-PIN: erst die eigene PIN setzen.',
      en: 'New card with the five-digit transport PIN: set an own PIN first.',
    },
    cardValues: 'transport PIN 12345, CAN 654321, PUK 1234567890',
  },
  {
    id: 'can-needed',
    title: { de: 'CAN nötig', en: 'CAN needed' },
    description: {
      de: 'Zweimal falsche PIN: vor dem letzten Versuch wird die Zugangsnummer (CAN) verlangt.',
      en: 'PIN wrong twice: the card access number (CAN) is needed before the last try.',
    },
    cardValues: 'PIN 123456, CAN 654321, PUK 1234567890',
  },
  {
    id: 'deactivated',
    title: { de: 'Online-Ausweisfunktion aus', en: 'Online ID function off' },
    description: {
      de: 'Die Online-Ausweisfunktion ist ausgeschaltet; nur das Bürgeramt kann helfen.',
      en: 'The online ID function is switched off; only the citizen office can help.',
    },
    cardValues: 'PIN 123456, CAN 654321, PUK 1234567890',
  },
];

const eid = (step: EidStep, view: KioskView = base): KioskView => ({ ...view, eid: step });
const training: KioskView = {
  ...base,
  training: true,
  trainingScenarios,
  trainingScenario: 'can-needed',
};
const trainingReader = {
  name: 'SIDbox Training Reader',
  attached: true,
  keypad: false,
  insertable: true,
  card: null,
  training: true,
};

export interface ScreenCase {
  view: () => KioskView;
  path: string;
  /** A selector that is there once the screen is rendered. */
  ready: string;
}

/** Every screen and layer of the kiosk UI, as the daemon's view and the page address make it. */
export const screens = {
  attract: { view: () => ({ ...base, state: 'idle' }), path: '/', ready: 'button.attract' },
  home: { view: () => base, path: '/', ready: '.tiles .tile' },
  'home-long': {
    view: () => ({ ...base, services: manyServices }),
    path: '/',
    ready: '#service-search',
  },
  'home-training': { view: () => training, path: '/', ready: '.training-picker' },
  'reader-missing': {
    view: () => ({ ...base, readerMissing: true }),
    path: '/',
    ready: '.reader-missing',
  },
  'fast-lane': { view: () => base, path: '/fast-lane', ready: '.choices' },
  consent: {
    view: () =>
      eid({
        ...entry,
        step: 'access-rights',
        provider: {
          subjectName: 'Bundesstadt Bonn – Bürgeramt',
          subjectUrl: 'https://www.bonn.de',
          issuerName: 'D-Trust GmbH',
          issuerUrl: 'https://www.d-trust.net',
          purpose: 'Ummeldung des Wohnsitzes',
          termsOfUsage: '',
          validFrom: '2026-01-01',
          validUntil: '2027-01-01',
        },
        required: ['FamilyName', 'GivenNames', 'DateOfBirth'],
        optional: ['Address', 'DoctoralDegree'],
        effective: ['FamilyName', 'GivenNames', 'DateOfBirth', 'Address', 'DoctoralDegree'],
      }),
    path: '/eid',
    ready: 'fieldset.optional',
  },
  'insert-card': {
    view: () =>
      eid({ ...entry, training: true, step: 'insert-card', readers: [trainingReader] }, training),
    path: '/eid',
    ready: '.training-picker',
  },
  'insert-card-deactivated': {
    view: () => eid({ ...entry, step: 'insert-card', readers: [], problem: 'eid-deactivated' }),
    path: '/eid',
    ready: '.problem',
  },
  pin: {
    view: () =>
      eid({
        ...entry,
        ...pinEntry,
        step: 'enter-pin',
        retryCounter: 2,
        minDigits: 6,
        maxDigits: 6,
        lastAttemptWrong: true,
      }),
    path: '/eid',
    ready: '.pad',
  },
  'current-pin': {
    view: () =>
      eid({
        ...entry,
        ...pinEntry,
        workflow: 'change-pin',
        step: 'enter-pin',
        retryCounter: 3,
        minDigits: 5,
        maxDigits: 6,
      }),
    path: '/eid',
    ready: '.pad',
  },
  'pin-keypad': {
    view: () =>
      eid({
        ...entry,
        step: 'enter-pin',
        keypad: true,
        lastAttemptWrong: false,
        retryCounter: 3,
        minDigits: 6,
        maxDigits: 6,
      }),
    path: '/eid',
    ready: '#entry-prompt',
  },
  can: {
    view: () => eid({ ...entry, ...pinEntry, step: 'enter-can' }),
    path: '/eid',
    ready: '.pad',
  },
  puk: {
    view: () => eid({ ...entry, ...pinEntry, step: 'enter-puk' }),
    path: '/eid',
    ready: '.pad',
  },
  'new-pin': {
    view: () => eid({ ...entry, workflow: 'change-pin', step: 'enter-new-pin', keypad: false }),
    path: '/eid',
    ready: '.pad',
  },
  working: {
    view: () => eid({ ...entry, step: 'working', progress: 40 }),
    path: '/eid',
    ready: 'progress',
  },
  'outcome-success': { view: () => base, path: '/outcome?code=pin-changed', ready: '.outcome' },
  'outcome-blocked': { view: () => base, path: '/outcome?code=pin-blocked', ready: '.outcome' },
  'outcome-deactivated': {
    view: () => base,
    path: '/outcome?code=eid-deactivated',
    ready: '.outcome',
  },
  'outcome-unreachable': {
    view: () => base,
    path: '/error?code=provider-unreachable',
    ready: '.outcome',
  },
  survey: { view: () => base, path: '/survey', ready: 'fieldset' },
  blocked: { view: () => base, path: '/blocked', ready: '.panel' },
  error: { view: () => base, path: '/error', ready: '.panel' },
  'idle-warning': {
    view: () => ({ ...base, state: 'warning', warningDeadline: Date.now() + 60_000 }),
    path: '/',
    ready: '[role=alertdialog]',
  },
  'card-reminder': {
    view: () => ({ ...base, state: 'idle', cardReminder: true }),
    path: '/',
    ready: '[role=alertdialog]',
  },
  'staff-pin': {
    view: () => ({ ...base, staff: { stage: 'pin', wrong: true } }),
    path: '/',
    ready: '.overlay .pad',
  },
  'staff-menu': {
    view: (): KioskView => ({
      ...base,
      training: true,
      staff: {
        stage: 'menu',
        devices: {
          healthy: false,
          matFallback: true,
          devices: [
            { device: 'mat-controller', kind: 'input', status: 'unplugged' },
            {
              device: 'reader',
              kind: 'card-reader',
              status: 'ok',
              detail: { readers: ['REINER SCT cyberJack RFID komfort'] },
            },
            {
              device: 'printer',
              kind: 'printer',
              status: 'stopped',
              detail: { problem: 'media-empty' },
            },
            { device: 'scanner', kind: 'scanner', status: 'ok' },
          ],
        },
      },
    }),
    path: '/',
    ready: 'table.devices',
  },
  'text-200': {
    view: () => ({ ...base, textScale: 2, services: manyServices }),
    path: '/',
    ready: '.tiles .tile',
  },
  speech: { view: () => ({ ...base, speech: true }), path: '/', ready: '.tiles .tile' },
  'phone-code': {
    view: () => ({
      ...base,
      phoneSetup: {
        offered: true,
        check: {
          state: 'waiting',
          link: `https://eid.example.org/phone/${'A'.repeat(43)}`,
          expiresAt: Date.UTC(2026, 11, 7, 17, 5),
        },
      },
    }),
    path: '/phone',
    ready: '.phone-check svg.qr',
  },
  'phone-ready': {
    view: () => ({
      ...base,
      phoneSetup: { offered: true, check: { state: 'ready', link: null, expiresAt: null } },
    }),
    path: '/phone',
    ready: '.phone-ready h3',
  },
  'phone-unavailable': {
    view: () => ({
      ...base,
      phoneSetup: { offered: true, check: { state: 'unavailable', link: null, expiresAt: null } },
    }),
    path: '/phone',
    ready: '.phone-problem button',
  },
} satisfies Record<string, ScreenCase>;

export type ScreenName = keyof typeof screens;
export const screenNames = Object.keys(screens) as ScreenName[];

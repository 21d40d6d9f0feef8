import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import type { EidApp, EidAppInput } from '@sidbox/protocol';
import { ConfigError } from '@sidbox/protocol/config-file';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { CachedAppDirectory } from '../src/apps/app-directory.js';
import { UNKNOWN_ID_REFRESH_GAP_MS } from '../src/hub/cached-list.js';
import { AppsError } from '../src/apps/apps-error.js';
import { readFormInput } from '../src/apps/form-input.js';
import { HANDOVER_TTL_MS, HandoverCodes } from '../src/apps/handover-codes.js';
import { HubAppDirectory } from '../src/apps/hub-app-directory.js';
import { appRequest } from '../src/apps/routes.js';
import { texts } from '../src/apps/texts.js';
import { loadEidServerConfig } from '../src/config/load.js';
import { ecPrivateKeyFromPem, ecSharedX } from '../src/crypto/brainpool.js';
import { languages } from '../src/pages/language.js';
import type { CardDouble } from './card-double/card.js';
import { startAppsServer, type AppsServer } from './helpers/apps-server.js';
import { eachTextInEveryLanguage } from './helpers/catalogue.js';
import { fieldText } from './helpers/page-html.js';
import { stackTrace } from './helpers/https-client.js';

let server: AppsServer;

beforeAll(async () => {
  server = await startAppsServer();
});
afterAll(() => server.close());

const title = { de: 'Anmeldung', en: 'Check-in', ar: 'تسجيل الوصول' };
const purpose = { de: 'Meldeschein für Ihren Aufenthalt', en: 'Registration form for your stay' };

function addApp(
  id: string,
  settings: EidAppInput['settings'],
  organisation = server.members.a,
): EidApp {
  return server.directory.add(organisation, { id, title, purpose, settings });
}

/** The body with white space folded, tags kept: for markup the formatter may wrap. */
const squash = (body: string) => body.replace(/\s+/g, ' ').replace(/> </g, '><');

const pathOf = (location: unknown) => {
  const url = new URL(String(location), server.origin);
  return url.pathname + url.search;
};

/** The member's sector pseudonym of a card double, as the card computes it. */
function expectedPseudonymHash(card: CardDouble, member: string): string {
  const service = server.setup.members.find((m) => m.organisationId === member);
  const index = server.setup.members.indexOf(service as never);
  const sectorKey = ecPrivateKeyFromPem(
    server.setup.pki.moreTerminals[index]?.sectorPrivateKeyPem ?? '',
  );
  const pseudonym = createHash('sha256')
    .update(ecSharedX(sectorKey, card.restrictedIdentificationPublicKey))
    .digest();
  return createHash('sha256').update(pseudonym.toString('hex')).digest('hex');
}

/** Each personal value of the card double, to search logs for. */
// The date of birth as card and pages give it: a bare "1964" turns up in a log's timestamps.
const erikaData = [
  'ERIKA',
  'MUSTERMANN',
  '19640812',
  '1964-08-12',
  'HEIDESTRA',
  'BERLIN',
  'GABLER',
];

describe('the test setup and configuration', () => {
  it('gives each member a service with its own certificate, sector key and API key', async () => {
    const config = parse(await readFile(server.setup.configFile, 'utf8')) as {
      services: { id: string; organisation?: string; terminal: Record<string, unknown> }[];
      hub: unknown;
    };
    const members = config.services.filter((service) => service.organisation !== undefined);
    expect(members.map((service) => service.organisation)).toEqual([
      server.members.a,
      server.members.b,
    ]);
    expect(
      new Set(config.services.map((s) => JSON.stringify(s.terminal['sectorPrivateKey']))).size,
    ).toBe(3);
    expect(server.setup.members.map((member) => member.serviceId)).toEqual(
      members.map((s) => s.id),
    );
    expect(new Set(server.setup.members.map((member) => member.apiKey)).size).toBe(2);
    expect(config.hub).toEqual({ url: 'http://127.0.0.1:9', apiKeyFile: 'hub.key' });
    const loaded = server.config.services.get(server.setup.members[0]?.serviceId ?? '');
    expect(loaded?.organisation).toBe(server.members.a);
    expect(loaded?.subjectOrigin).toBe(server.origin);
    expect(server.config.hub).toMatchObject({ apiKey: 'unused', refreshSeconds: 30 });
  });

  it('refuses two services for one organisation', async () => {
    const config = parse(await readFile(server.setup.configFile, 'utf8')) as {
      services: { organisation?: string }[];
    };
    const [, first, second] = config.services;
    if (first && second) second.organisation = first.organisation;
    const file = server.setup.configFile.replace(/\.yaml$/, '-twice.yaml');
    await writeFile(file, stringify(config));
    const error = await loadEidServerConfig(file).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toContainEqual({
      path: 'services.2.organisation',
      message: `organisation ${server.members.a} has a service already`,
    });
  });
});

describe("an app's page", () => {
  it.each(languages)(
    'in %s: title, purpose, the data asked for and the start',
    async (language) => {
      addApp('meldeschein', {
        kind: 'form',
        cardData: ['givenNames', 'familyNames', 'nationality'],
        fields: [],
        output: 'print',
      });
      const page = await server.get(`/apps/meldeschein?lang=${language}`);
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain(
        `<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`,
      );
      const shownTitle = language === 'ar' || language === 'en' ? title[language] : title.de;
      expect(page.body).toContain(`<h1>${shownTitle}</h1>`);
      expect(page.body).toContain(texts.appDataIntro[language]);
      for (const label of [texts.labelGivenNames, texts.labelFamilyNames, texts.labelNationality])
        expect(page.body).toContain(`<li>${label[language]}</li>`);
      expect(page.body).not.toContain(texts.labelDateOfBirth[language]);
      expect(page.body).toContain(`href="/apps/meldeschein/start?lang=${language}"`);
      expect(page.body).toContain(`href="/apps/meldeschein?lang=uk"`);
    },
  );

  it('asks a door app for the registration code first, in a form coming back here, then links to the start', async () => {
    addApp('tuer', { kind: 'access' });
    const page = await server.get('/apps/tuer?lang=de');
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect(page.headers['content-security-policy']).not.toContain('script-src');
    // Not to the start: its redirect to the eID-Client would break the form's own form-action.
    expect(page.body).toContain('action="/apps/tuer"');
    expect(page.body).not.toContain('/apps/tuer/start');
    expect(page.body).toContain('Registrierungscode (8 Zeichen)');
    expect(page.body).toContain(texts.dataPseudonym.de);
    const typed = await server.get('/apps/tuer?lang=de&code=abcd-2345');
    expect(typed.status).toBe(200);
    expect(typed.body).toContain(texts.codeAccepted.de.replace('{code}', 'ABCD2345'));
    expect(typed.body).toContain('href="/apps/tuer/start?lang=de&amp;code=ABCD2345"');
    for (const path of ['/apps/tuer?lang=de&code=abc', '/apps/tuer/start?lang=de&code=abc']) {
      const bad = await server.get(path);
      expect(bad.status, path).toBe(400);
      expect(bad.body).toContain(texts.codeInvalid.de);
      expect(bad.body).toContain('value="ABC"');
    }
  });

  it('says "not available" for an unknown, archived or malformed app, or one whose member has no service', async () => {
    server.directory.add(
      server.members.a,
      { id: 'alt', title, purpose, settings: { kind: 'access' } },
      true,
    );
    addApp('fremd', { kind: 'age', minimumAge: 18 }, server.members.withoutService);
    for (const path of [
      '/apps/nichts',
      '/apps/alt',
      '/apps/fremd',
      '/apps/fremd/start',
      '/apps/Gro%C3%9F',
      '/apps/alt/handover',
    ]) {
      const page = await server.get(`${path}?lang=en`);
      expect(page.status, path).toBe(404);
      expect(page.body).toContain(texts.notAvailableTitle.en);
      expect(page.body).not.toMatch(stackTrace);
    }
  });

  it('says the app cannot be loaded while the hub is down', async () => {
    server.directory.reachable = false;
    try {
      const page = await server.get('/apps/meldeschein?lang=de');
      expect(page.status).toBe(503);
      expect(page.body).toContain(texts.unreachableTitle.de);
    } finally {
      server.directory.reachable = true;
    }
  });
});

describe('an age app', () => {
  it('asks only "older than N": no date of birth in the operations or the CHAT', async () => {
    const app = addApp('ab18', { kind: 'age', minimumAge: 18 });
    expect(appRequest(app)).toEqual({
      operations: { ageVerification: 'REQUIRED' },
      ageVerification: { age: 18 },
    });
    const started = await server.start('/apps/ab18/start?lang=de');
    let offered: string[] = [];
    const run = server.runCard(started, undefined, {
      chooseRights: ({ required, optional }) => (offered = [...required, ...optional]),
    });
    expect(run.result).toEqual({ major: 'ok' });
    expect(offered).toEqual(['ageVerification']);
    const page = await server.result(started);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Ja, älter als 18');
    expect(page.body).toContain(texts.ageNote.de);
    expect(page.body).not.toContain('1964');
  });

  it('says no for someone not older than N', async () => {
    addApp('ab99', { kind: 'age', minimumAge: 99 });
    const started = await server.start('/apps/ab99/start?lang=tr');
    server.runCard(started);
    const page = await server.result(started);
    expect(page.body).toContain(texts.ageNo.tr.replace('{age}', '99'));
  });
});

describe('a door app', () => {
  it("registers the member's pseudonym hash; another member's app gets another", async () => {
    addApp('tuer-a', { kind: 'access' }, server.members.a);
    addApp('tuer-b', { kind: 'access' }, server.members.b);
    server.directory.codes.set('tuer-a/ABCD2345', { label: 'Zimmer 12' });
    server.directory.codes.set('tuer-b/WXYZ6789', { label: 'Halle' });
    const card = server.newCard();

    const a = await server.start('/apps/tuer-a/start?lang=de&code=abcd-2345');
    expect(server.runCard(a, card).result).toEqual({ major: 'ok' });
    const pageA = await server.result(a);
    expect(pageA.status).toBe(200);
    expect(pageA.body).toContain('Registriert: Zimmer 12');

    const b = await server.start('/apps/tuer-b/start?lang=de&code=WXYZ6789');
    server.runCard(b, card);
    expect((await server.result(b)).body).toContain('Registriert: Halle');

    const [first, second] = server.directory.registrations;
    expect(first).toEqual({
      appId: 'tuer-a',
      code: 'ABCD2345',
      pseudonymHash: expectedPseudonymHash(card, server.members.a),
    });
    expect(second?.pseudonymHash).toBe(expectedPseudonymHash(card, server.members.b));
    expect(second?.pseudonymHash).not.toBe(first?.pseudonymHash);
    const log = server.logLines.join('\n');
    for (const request of server.directory.registrations)
      expect(log).not.toContain(request.pseudonymHash);
  });

  it('says clearly when the code was used, expired or is unknown, or the hub is down', async () => {
    addApp('tuer-c', { kind: 'access' });
    server.directory.codes.set('tuer-c/USED2345', { kind: 'code-used' });
    server.directory.codes.set('tuer-c/OLDC2345', { kind: 'code-expired' });
    for (const [code, expected, status] of [
      ['USED2345', texts.codeUsedTitle.en, 409],
      ['OLDC2345', texts.codeExpiredTitle.en, 409],
      ['NONE2345', texts.codeUnknownTitle.en, 409],
    ] as const) {
      const started = await server.start(`/apps/tuer-c/start?lang=en&code=${code}`);
      server.runCard(started);
      const page = await server.result(started);
      expect(page.status).toBe(status);
      expect(page.body).toContain(expected);
    }
    const started = await server.start('/apps/tuer-c/start?lang=en&code=NONE2345');
    server.runCard(started);
    server.directory.reachable = false;
    try {
      const page = await server.result(started);
      expect(page.status).toBe(503);
      expect(page.body).toContain(texts.registrationUnavailableTitle.en);
    } finally {
      server.directory.reachable = true;
    }
  });
});

const formFields: EidAppInput['settings'] = {
  kind: 'form',
  cardData: ['givenNames', 'familyNames', 'dateOfBirth', 'placeOfResidence', 'nationality'],
  fields: [
    { id: 'anreise', label: { de: 'Anreise', en: 'Arrival' }, type: 'date', required: true },
    { id: 'mail', label: { de: 'E-Mail' }, type: 'email', required: false },
    { id: 'bemerkung', label: { de: 'Bemerkung' }, type: 'textarea', required: false },
  ],
  output: 'print',
};

/** Start, card, result: the address of the form page. */
async function filledByCard(id: string, language = 'de'): Promise<string> {
  const started = await server.start(`/apps/${id}/start?lang=${language}`);
  expect(server.runCard(started).result).toEqual({ major: 'ok' });
  const result = await server.result(started);
  expect(result.status).toBe(303);
  return pathOf(result.headers['location']);
}

describe('a form app printed at the terminal', () => {
  it('prefills the card data, takes the fields, checks, corrects and deletes on "Fertig"', async () => {
    addApp('gast', formFields);
    const formPath = await filledByCard('gast');
    expect(formPath).toMatch(/^\/apps\/gast\/form\/[\w-]{43}\?lang=de$/);
    const form = await server.get(formPath);
    expect(form.status).toBe(200);
    expect(form.headers['content-security-policy']).toContain("form-action 'self'");
    expect(fieldText(form.body, 'givenNames')).toBe('Vorname(n) ERIKA');
    expect(fieldText(form.body, 'dateOfBirth')).toBe('Geburtsdatum 12.08.1964');
    expect(fieldText(form.body, 'nationality')).toBe('Staatsangehörigkeit D');
    expect(form.body).not.toContain('BERLIN'); // the place of birth was not chosen
    expect(squash(form.body)).toContain(
      '<label for="field-anreise" >Anreise <span class="required">(Pflichtfeld)</span></label >',
    );

    const missing = await server.post(formPath, { mail: 'kein-mail', bemerkung: 'Hund <Bello>' });
    expect(missing.status).toBe(400);
    expect(missing.body).toContain(texts.fieldRequired.de);
    expect(missing.body).toContain(texts.fieldEmail.de);
    expect(missing.body).toContain('Hund &lt;Bello&gt;</textarea>');

    const posted = await server.post(formPath, {
      anreise: '2025-06-01',
      mail: 'erika@example.org',
      bemerkung: 'Hund <Bello>',
    });
    expect(posted.status).toBe(303);
    const checkPath = pathOf(posted.headers['location']);
    const check = await server.get(checkPath);
    expect(check.status).toBe(200);
    // A typed date reads like the card's dates.
    expect(fieldText(check.body, 'anreise')).toBe('Anreise 01.06.2025');
    expect(fieldText(check.body, 'familyNames')).toBe('Familienname MUSTERMANN');
    expect(check.body).toContain(texts.printHint.de);
    expect(check.body).toContain(`href="${formPath.replace('?', '?').replace(/&/g, '&amp;')}"`);
    expect(check.body).toContain('>Korrigieren<');

    const again = await server.get(formPath);
    expect(again.body).toContain('value="erika@example.org"');

    const done = await server.post(checkPath.replace('/check', '/done'), {});
    expect(done.status).toBe(200);
    expect(done.body).toContain(texts.formDeletedTitle.de);
    const gone = await server.get(formPath);
    expect(gone.status).toBe(404);
    expect(gone.body).not.toContain('ERIKA');
    const log = server.logLines.join('\n');
    for (const personal of [...erikaData, 'erika@example.org', 'Bello'])
      expect(log).not.toContain(personal);
  });

  it('labels the fields in the citizen’s language, German where the member gave no other', async () => {
    const formPath = await filledByCard('gast', 'en');
    const form = await server.get(formPath);
    expect(squash(form.body)).toContain('>Arrival <span class="required">(required)</span>');
    expect(squash(form.body)).toContain('>Bemerkung</label');
  });

  it('forgets the card data when the result time is over', async () => {
    const formPath = await filledByCard('gast');
    server.advance(server.config.config.sessions.resultTtlSeconds * 1000);
    const gone = await server.get(formPath);
    expect(gone.status).toBe(404);
    expect(gone.body).toContain(texts.goneTitle.de);
  });
});

describe('a form app handed over to the reception', () => {
  it('gives a one-time code; the reception sees the form once', async () => {
    addApp('rezeption', { ...formFields, output: 'handover' });
    const formPath = await filledByCard('rezeption');
    const posted = await server.post(formPath, { anreise: '2025-06-01' });
    const checkPath = pathOf(posted.headers['location']);
    const check = await server.get(checkPath);
    expect(check.body).toContain('An die Rezeption übergeben');
    expect(check.body).not.toContain(texts.printHint.de);

    const handover = await server.post(checkPath.replace('/check', '/handover'), {});
    expect(handover.status).toBe(200);
    const code =
      /<p class="handover-code"[^>]*><bdi>([A-Z0-9]{8})<\/bdi>/.exec(handover.body)?.[1] ?? '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    expect((await server.get(formPath)).status).toBe(404);

    const reception = await server.get('/apps/rezeption/handover?lang=de');
    expect(reception.status).toBe(200);
    expect(reception.body).toContain('method="post" action="/apps/rezeption/handover?lang=de"');
    const wrong = await server.post('/apps/rezeption/handover?lang=de', { code: 'AAAAAAAA' });
    expect(wrong.status).toBe(404);
    expect(wrong.body).toContain(texts.receptionCodeWrong.de);
    expect((await server.post('/apps/gast/handover?lang=de', { code })).status).toBe(404);

    const shown = await server.post('/apps/rezeption/handover?lang=de', {
      code: code.toLowerCase(),
    });
    expect(shown.status).toBe(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(fieldText(shown.body, 'givenNames')).toBe('Vorname(n) ERIKA');
    expect(fieldText(shown.body, 'anreise')).toBe('Anreise 01.06.2025');
    // Optional fields left empty are no lines of the form.
    expect(shown.body).not.toContain('data-field="bemerkung"');
    expect(shown.body).not.toContain('data-field="mail"');
    const twice = await server.post('/apps/rezeption/handover?lang=de', { code });
    expect(twice.status).toBe(404);
    expect(twice.body).not.toContain('ERIKA');
  });

  it('lets a code expire after ten minutes', () => {
    let now = 0;
    const codes = new HandoverCodes<string>(() => now);
    const code = codes.issue('app', 'form');
    now = HANDOVER_TTL_MS - 1;
    expect(codes.size).toBe(1);
    now = HANDOVER_TTL_MS;
    expect(codes.take('app', code)).toBeUndefined();
    expect(codes.size).toBe(0);
  });
});

describe('the form fields', () => {
  const fields = (formFields.kind === 'form' ? formFields.fields : []).map((f) => ({ ...f }));
  it.each([
    [{ anreise: '2025-02-30' }, { anreise: 'fieldDate' }],
    [{ anreise: '2025-02-28', mail: 'a@b' }, { mail: 'fieldEmail' }],
    [{ anreise: '2025-02-28', bemerkung: 'x'.repeat(2001) }, { bemerkung: 'fieldTooLong' }],
    [{ anreise: ' 2025-02-28 ', extra: 'ignored' }, {}],
  ])('%j → %j', (body, problems) => {
    expect(readFormInput(fields, body).problems).toEqual(problems);
  });
});

describe('the finished page and the texts', () => {
  it('/apps/done is a plain finished page', async () => {
    const page = await server.get('/apps/done?lang=ar');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain(texts.finishedTitle.ar);
  });

  eachTextInEveryLanguage(texts);
});

describe('the app directory', () => {
  it('asks again only after refreshSeconds, and keeps the last list while the hub is down', async () => {
    let now = 0;
    const source = new (await import('./helpers/fake-app-directory.js')).FakeAppDirectory();
    const cached = new CachedAppDirectory(source, 30_000, () => now);
    await cached.apps();
    now = 29_999;
    await cached.apps();
    expect(source.appsCalls).toBe(1);
    now = 30_000;
    source.add(randomUUID(), { id: 'neu', title, purpose, settings: { kind: 'access' } });
    expect((await cached.apps()).map((app) => app.id)).toEqual(['neu']);
    source.reachable = false;
    now = 60_000;
    expect((await cached.apps()).map((app) => app.id)).toEqual(['neu']);
    const empty = new CachedAppDirectory(source, 30_000, () => now);
    await expect(empty.apps()).rejects.toBeInstanceOf(AppsError);
  });
});

describe('the hub client', () => {
  let hub: Server;
  let url: string;
  const seen: { method?: string; url?: string; authorization?: string; body: string }[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: {} };

  beforeAll(async () => {
    hub = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({
          method: request.method,
          url: request.url,
          authorization: request.headers.authorization,
          body,
        });
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => hub.close(resolve)));

  const client = () => new HubAppDirectory({ url, apiKey: 'hub-key', refreshSeconds: 30 });
  const request = { appId: 'tuer', code: 'ABCD2345', pseudonymHash: 'a'.repeat(64) };

  it('sends its key and reads the apps by the contract', async () => {
    const app = {
      id: 'x',
      title,
      purpose,
      settings: { kind: 'access' },
      organisationId: randomUUID(),
      archived: false,
      updatedAt: new Date().toISOString(),
    };
    answer = { status: 200, body: { apps: [app] } };
    expect(await client().apps()).toEqual([app]);
    expect(seen.at(-1)).toMatchObject({
      method: 'GET',
      url: '/api/eid-server/apps',
      authorization: 'Bearer hub-key',
    });
    answer = { status: 200, body: { apps: [{ id: 'x' }] } };
    await expect(client().apps()).rejects.toMatchObject({ code: 'hub-answer-invalid' });
  });

  it.each([
    [200, { label: 'Zimmer 12', windows: [] }, { kind: 'registered', label: 'Zimmer 12' }],
    [404, { error: { code: 'registration-code-unknown', message: '' } }, { kind: 'code-unknown' }],
    [410, { error: { code: 'registration-code-used', message: '' } }, { kind: 'code-used' }],
    [410, { error: { code: 'registration-code-expired', message: '' } }, { kind: 'code-expired' }],
    [
      404,
      { error: { code: 'not-found', message: 'access app not found' } },
      { kind: 'app-unavailable' },
    ],
  ])('maps a registration answered %i', async (status, body, outcome) => {
    answer = { status, body };
    expect(await client().register(request)).toEqual(outcome);
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/eid-server/access-registrations',
    });
    expect(JSON.parse(seen.at(-1)?.body ?? '')).toEqual(request);
  });

  it('says the hub is unreachable when nothing listens', async () => {
    const gone = new HubAppDirectory({
      url: 'http://127.0.0.1:9',
      apiKey: 'k',
      refreshSeconds: 30,
    });
    await expect(gone.apps()).rejects.toMatchObject({ code: 'hub-unreachable' });
    answer = { status: 500, body: {} };
    await expect(client().register(request)).rejects.toMatchObject({ code: 'hub-answer-invalid' });
  });
});

describe('an app the cached list does not know', () => {
  it('is looked up at the hub at once, at most once per few seconds', async () => {
    let now = 0;
    const source = new (await import('./helpers/fake-app-directory.js')).FakeAppDirectory();
    const cached = new CachedAppDirectory(source, 30_000, () => now);
    await cached.apps();
    // Created in the hub admin 10 s after the last pull; its tile is on the terminal.
    now = 10_000;
    source.add(randomUUID(), { id: 'neu', title, purpose, settings: { kind: 'access' } });
    expect((await cached.apps('neu')).map((app) => app.id)).toEqual(['neu']);
    expect(source.appsCalls).toBe(2);
    // A flood of unknown ids: no more requests until the gap has passed, then one.
    now = 10_000 + UNKNOWN_ID_REFRESH_GAP_MS - 1;
    await Promise.all(Array.from({ length: 20 }, (_, i) => cached.apps(`fremd-${i}`)));
    expect(source.appsCalls).toBe(2);
    now = 10_000 + UNKNOWN_ID_REFRESH_GAP_MS;
    await Promise.all(Array.from({ length: 20 }, (_, i) => cached.apps(`fremd-${i}`)));
    expect(source.appsCalls).toBe(3);
    // A known app costs nothing before refreshSeconds.
    now = 39_999;
    await cached.apps('neu');
    expect(source.appsCalls).toBe(3);
    // The hub down: the last list answers, and the failed request counts for the gap too.
    source.reachable = false;
    now = 40_000;
    expect((await cached.apps('fremd')).map((app) => app.id)).toEqual(['neu']);
    now = 41_000;
    await cached.apps('fremd');
    expect(source.appsCalls).toBe(4);
  });

  it("is what the app's page asks the directory for", async () => {
    const asked = vi.spyOn(server.directory, 'apps');
    try {
      expect((await server.get('/apps/gerade-angelegt?lang=de')).status).toBe(404);
      expect(asked).toHaveBeenCalledWith('gerade-angelegt');
    } finally {
      asked.mockRestore();
    }
  });
});

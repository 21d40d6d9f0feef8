import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTlv } from '../src/asn1/tlv.js';
import type { AuthenticationResult } from '../src/authentication-result.js';
import { AuthenticationService } from '../src/authentication-service.js';
import { buildApp } from '../src/http/app.js';
import { formatPartialDate } from '../src/pages/format.js';
import { chooseLanguage } from '../src/pages/language.js';
import { personalDataList } from '../src/pages/personal-data-view.js';
import { ViewTokens } from '../src/pages/view-tokens.js';
import { languages, texts, type Language } from '../src/self-check/texts.js';
import { erikaFiles } from './card-double/erika-files.js';
import { eachTextInEveryLanguage } from './helpers/catalogue.js';
import { capturingLogger } from './helpers/eid-server.js';
import { httpsRequest } from './helpers/https-client.js';
import { fieldText } from './helpers/page-html.js';
import { startSelfCheckServer, type SelfCheckServer } from './helpers/self-check-server.js';

/** What AusweisApp appends to the RefreshAddress when it sends the browser there. */
const RESULT_OK = 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok';

let selfCheck: SelfCheckServer;

beforeAll(async () => {
  selfCheck = await startSelfCheckServer();
});
afterAll(() => selfCheck.close());

/** The result page as the browser reaches it after AusweisApp's redirect. */
function resultPage(refreshAddress: URL) {
  const url = new URL(refreshAddress);
  url.searchParams.set('ResultMajor', RESULT_OK);
  return selfCheck.get(url.pathname + url.search);
}

describe('the start page', () => {
  it.each(languages)('in %s: lang, direction, title and the start link', async (language) => {
    const page = await selfCheck.get(`/self-check?lang=${language}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const dir = language === 'ar' ? 'rtl' : 'ltr';
    expect(page.body).toContain(`<html lang="${language}" dir="${dir}">`);
    expect(page.body).toContain(`<h1>${texts.startTitle[language]}</h1>`);
    expect(page.body).toContain(`href="/self-check/start?lang=${language}"`);
    expect(page.body).toContain(texts.startButton[language]);
    expect(page.body).toMatch(/<main>[\s\S]*<\/main>/);
  });

  it('takes the language from Accept-Language when the address names none of ours', async () => {
    const page = await selfCheck.get('/self-check?lang=fr', {
      'accept-language': 'fr-FR, uk;q=0.4, tr-TR;q=0.8, de;q=0.1',
    });
    expect(page.body).toContain('<html lang="tr" dir="ltr">');
    expect((await selfCheck.get('/self-check')).body).toContain('<html lang="de"');
  });

  it('serves its stylesheet from the same origin', async () => {
    const css = await selfCheck.get('/pages/style.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('min-height: 3.5rem');
  });
});

describe('starting a check', () => {
  it('redirects to the local eID-Client with a TC token whose RefreshAddress hides the session', async () => {
    const check = await selfCheck.startCheck('uk');
    expect(check.activation.origin + check.activation.pathname).toBe(
      'http://127.0.0.1:24727/eID-Client',
    );
    const tcTokenUrl = new URL(check.activation.searchParams.get('tcTokenURL') ?? '');
    expect(tcTokenUrl.origin).toBe(selfCheck.origin);
    expect(check.sessionId).toMatch(/^[0-9a-f]{64}$/);
    expect(check.refreshAddress.origin).toBe(selfCheck.origin);
    expect(check.refreshAddress.pathname).toMatch(/^\/self-check\/result\/[\w-]{43}$/);
    expect(check.refreshAddress.searchParams.get('lang')).toBe('uk');
    expect(check.refreshAddress.href).not.toContain(check.sessionId);
  });

  it('answers the redirect uncached', async () => {
    const answer = await selfCheck.get('/self-check/start?lang=de');
    expect(answer.status).toBe(303);
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('does not start a session for a HEAD request', async () => {
    const open = selfCheck.server.authentications.openSessions;
    const answer = await httpsRequest(new URL('/self-check/start?lang=de', selfCheck.origin).href, {
      method: 'HEAD',
      ca: selfCheck.ca,
    });
    expect(answer.status).toBe(404);
    expect(selfCheck.server.authentications.openSessions).toBe(open);
  });

  it('shows a friendly page when the server has no room for another session', async () => {
    const config = {
      ...selfCheck.config,
      config: {
        ...selfCheck.config.config,
        sessions: { ...selfCheck.config.config.sessions, maxOpen: 1 },
      },
    };
    const logger = capturingLogger([]);
    const authentications = new AuthenticationService(config, logger);
    const app = await buildApp({ config, authentications, logger });
    try {
      const first = await app.inject({ url: '/self-check/start?lang=en' });
      expect(first.statusCode).toBe(303);
      const second = await app.inject({ url: '/self-check/start?lang=en' });
      expect(second.statusCode).toBe(503);
      expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(second.body).toContain(texts.busyTitle.en);
      expect(second.body).toContain('href="/self-check?lang=en"');
    } finally {
      await app.close();
    }
  });
});

describe('the result page', () => {
  it('shows what the card said, once, and logs none of it', async () => {
    const check = await selfCheck.startCheck('de');
    expect(selfCheck.runCard(check).result).toEqual({ major: 'ok' });
    const page = await resultPage(check.refreshAddress);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Ihr Online-Ausweis funktioniert');
    expect(fieldText(page.body, 'givenNames')).toBe('Vorname(n) ERIKA');
    expect(fieldText(page.body, 'familyNames')).toBe('Familienname MUSTERMANN');
    expect(fieldText(page.body, 'dateOfBirth')).toBe('Geburtsdatum 12.08.1964');
    expect(fieldText(page.body, 'placeOfResidence')).toBe(
      'Anschrift HEIDESTRA\u1e9eE 17 51147 K\u00d6LN',
    );
    expect(page.body).toContain(
      'Diese Angaben wurden nicht gespeichert. Wenn Sie die Seite verlassen, sind sie weg.',
    );
    expect(page.body).toContain('href="/self-check?lang=de"');

    const reload = await resultPage(check.refreshAddress);
    expect(reload.status).toBe(404);
    expect(reload.body).toContain(
      'Dieses Ergebnis wird aus Datenschutzgründen nur einmal angezeigt.',
    );
    expect(reload.body).not.toContain('ERIKA');
    const log = selfCheck.logLines.join('\n');
    // The date of birth as card and page give it; a bare "1964" turns up in timestamps.
    for (const personal of ['ERIKA', 'MUSTERMANN', '19640812', '1964-08-12', 'HEIDESTRA']) {
      expect(log).not.toContain(personal);
    }
  });

  it('formats the date for the language it was started in', async () => {
    const check = await selfCheck.startCheck('en');
    selfCheck.runCard(check);
    const page = await resultPage(check.refreshAddress);
    expect(page.body).toContain('<html lang="en" dir="ltr">');
    expect(fieldText(page.body, 'dateOfBirth')).toBe('Date of birth 12 August 1964');
  });

  it('says "nicht übermittelt" for what the citizen deselected', async () => {
    const check = await selfCheck.startCheck('de');
    selfCheck.runCard(check, undefined, {
      chooseRights: ({ required }) => required,
    });
    const page = await resultPage(check.refreshAddress);
    expect(fieldText(page.body, 'familyNames')).toBe('Familienname MUSTERMANN');
    expect(fieldText(page.body, 'dateOfBirth')).toBe('Geburtsdatum nicht übermittelt');
    expect(fieldText(page.body, 'placeOfResidence')).toBe('Anschrift nicht übermittelt');
  });

  it('says the citizen cancelled', async () => {
    const check = await selfCheck.startCheck('de');
    selfCheck.runCard(check, undefined, { cancelAt: 'EAC1' });
    const page = await resultPage(check.refreshAddress);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Sie haben den Vorgang abgebrochen.');
    expect(page.body).toContain('Noch einmal versuchen');
  });

  it('explains a failure in plain words, the reason code only for staff', async () => {
    const check = await selfCheck.startCheck('de');
    selfCheck.runCard(check, undefined, {
      chooseRights: ({ required, optional }) =>
        [...required, ...optional].filter((right) => right !== 'readDG4'),
    });
    const page = await resultPage(check.refreshAddress);
    expect(page.body).toContain('Das hat nicht geklappt.');
    expect(page.body).toContain(texts.failedHintRights.de);
    expect(page.body).toContain('data-reason="rights"');
  });

  it('says no card was read when the TC token was never used (a training card)', async () => {
    const check = await selfCheck.startCheck('de');
    const page = await resultPage(check.refreshAddress);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Es wurde kein Ausweis gelesen.');
    expect(page.body).toContain('Eine Trainingskarte überträgt keine Daten.');
  });

  it('shows the privacy page for an unknown or malformed token', async () => {
    for (const token of ['A'.repeat(43), 'not-a-token', '%3Cscript%3E']) {
      const page = await selfCheck.get(`/self-check/result/${token}?lang=ru`);
      expect(page.status).toBe(404);
      expect(page.body).toContain(texts.shownOnceTitle.ru);
    }
  });

  it('renders a name with markup as text', async () => {
    const name = '<script>alert("x")</script> & <b>ERIKA</b>';
    const files = new Map(erikaFiles);
    files.set(4, encodeTlv(0x64, [encodeTlv(0x0c, Buffer.from(name, 'utf8'))]));
    const check = await selfCheck.startCheck('de');
    expect(selfCheck.runCard(check, selfCheck.newCard({ files })).result).toEqual({
      major: 'ok',
    });
    const page = await resultPage(check.refreshAddress);
    expect(page.body).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;ERIKA&lt;/b&gt;',
    );
    expect(page.body).not.toContain('<script');
    expect(page.body).not.toContain('<b>');
  });
});

describe('the card data list', () => {
  const resultWith = (
    personalData: AuthenticationResult['personalData'],
  ): AuthenticationResult => ({
    personalData,
    operationsAllowedByUser: { givenNames: 'ALLOWED', familyNames: 'NOTONCHIP' },
  });

  it('shows a free-text address and "no main residence" with the card’s own German words', () => {
    const list = personalDataList(
      resultWith({
        givenNames: 'A',
        placeOfResidence: { kind: 'none', text: 'keine Hauptwohnung in Deutschland' },
      }),
      'en',
    ).value;
    expect(list).toContain('The ID card holds no address in Germany:');
    expect(list).toContain(
      '<span class="line" lang="de"><bdi>keine Hauptwohnung in Deutschland</bdi></span>',
    );
    expect(fieldText(list, 'familyNames')).toBe('Surname not stored on the ID card');
    const freetext = personalDataList(
      resultWith({ placeOfResidence: { kind: 'freetext', text: 'Hof <1>\nBerlin' } }),
      'de',
    ).value;
    expect(freetext).toContain('<span class="freetext"><bdi>Hof &lt;1&gt;\nBerlin</bdi></span>');
  });

  it('names the country of an address abroad', () => {
    const list = personalDataList(
      resultWith({
        placeOfResidence: { kind: 'structured', city: 'WIEN', country: 'A', zipCode: '1010' },
      }),
      'de',
    ).value;
    expect(fieldText(list, 'placeOfResidence')).toBe('Anschrift 1010 WIEN Staat: A');
  });

  it('isolates the card’s words, so that "51147 KÖLN" keeps its order on an Arabic page', () => {
    const list = personalDataList(
      resultWith({
        givenNames: 'ERIKA',
        placeOfResidence: { kind: 'structured', city: 'KÖLN', country: 'D', zipCode: '51147' },
      }),
      'ar',
    ).value;
    expect(list).toContain('<bdi>ERIKA</bdi>');
    expect(list).toContain('<span class="line"><bdi>51147 KÖLN</bdi></span>');
  });

  it.each<[Language, string, string, string]>([
    ['de', '12.08.1964', 'August 1964', '1964'],
    ['en', '12 August 1964', 'August 1964', '1964'],
    ['tr', '12 Ağustos 1964', 'Ağustos 1964', '1964'],
    ['ar', '12 أغسطس 1964', 'أغسطس 1964', '1964'],
  ])('formats full and partial dates in %s', (language, full, month, year) => {
    expect(formatPartialDate({ year: 1964, month: 8, day: 12, iso: '' }, language)).toBe(full);
    expect(formatPartialDate({ year: 1964, month: 8, iso: '' }, language)).toBe(month);
    expect(formatPartialDate({ year: 1964, iso: '' }, language)).toBe(year);
  });
});

describe('the texts', () => {
  eachTextInEveryLanguage(texts);
});

describe('choosing the language', () => {
  it.each([
    ['ar', undefined, 'ar'],
    [['en', 'tr'], 'ru', 'ru'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'fr;q=1, ru;q=0, uk;q=0.2', 'uk'],
    [undefined, 'fr, es', 'de'],
    [undefined, undefined, 'de'],
  ])('lang=%j, Accept-Language %j → %s', (query, header, expected) => {
    expect(chooseLanguage(query, header)).toBe(expected);
  });
});

describe('view tokens', () => {
  it('open a session until they expire, and are swept then', () => {
    let now = 1000;
    const tokens = new ViewTokens(() => now);
    const [a, b] = ['a', 'b'].map((letter) => letter.repeat(43)) as [string, string];
    tokens.remember(a, 'session-a', 2000);
    tokens.remember(b, 'session-b', 5000);
    expect(tokens.get(a)).toBe('session-a');
    expect(tokens.get('a')).toBeUndefined();
    now = 2000;
    expect(tokens.get(a)).toBeUndefined();
    expect(tokens.size).toBe(1);
    tokens.forget(b);
    expect(tokens.get(b)).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhoneCheckCreated, PhoneCheckStatus } from '@sidbox/protocol';
import { AuthenticationService } from '../src/authentication-service.js';
import { buildApp } from '../src/http/app.js';
import {
  finished,
  forgetAt,
  linkUse,
  newPhoneCheck,
  opened,
  REPORT_MS,
  stateAt,
} from '../src/phone-check/phone-check.js';
import { PhoneChecks } from '../src/phone-check/phone-checks.js';
import { languages, texts } from '../src/phone-check/texts.js';
import { eachTextInEveryLanguage } from './helpers/catalogue.js';
import { capturingLogger } from './helpers/eid-server.js';
import { httpsRequest } from './helpers/https-client.js';
import { fieldText } from './helpers/page-html.js';
import { startSelfCheckServer, type SelfCheckServer } from './helpers/self-check-server.js';

const TTL = 300_000;

describe('a phone check, as a value', () => {
  const start = 1_000_000;
  const waiting = newPhoneCheck(start, TTL);
  const open = opened(waiting, start + 10, 'session-1', start + 900_000);

  it('waits until the link expires; an unused link then is expired, and refuses to open', () => {
    expect(stateAt(waiting, start + TTL - 1)).toBe('waiting');
    expect(linkUse(waiting, start + TTL - 1)).toBe('start');
    expect(stateAt(waiting, start + TTL)).toBe('expired');
    expect(linkUse(waiting, start + TTL)).toBe('expired');
    expect(opened(waiting, start + TTL, 's', start + TTL * 3)).toBe(waiting);
    expect(linkUse(undefined, start)).toBe('expired');
  });

  it('opens once: a second use is "used", also after the link time is over', () => {
    expect(open).toMatchObject({ state: 'opened', sessionId: 'session-1' });
    expect(linkUse(open, start + 20)).toBe('used');
    expect(linkUse(open, start + TTL + 1)).toBe('used');
    expect(opened(open, start + 20, 'session-2', start + 1)).toBe(open);
  });

  it('ends ready or failed once; a phone that never comes back expires', () => {
    const ready = finished(open, start + 50, true);
    expect(stateAt(ready, start + 50)).toBe('ready');
    expect(finished(ready, start + 60, false)).toBe(ready);
    expect(stateAt(finished(open, start + 50, false), start + 50)).toBe('failed');
    expect(stateAt(open, start + 900_000)).toBe('expired');
    expect(finished(open, start + 900_000, true)).toBe(open);
    expect(finished(waiting, start + 50, true)).toBe(waiting);
  });

  it('is forgotten a minute after nothing more can happen', () => {
    expect(forgetAt(waiting)).toBe(start + TTL + REPORT_MS);
    expect(forgetAt(open)).toBe(start + 900_000 + REPORT_MS);
    expect(forgetAt(finished(open, start + 50, true))).toBe(start + 50 + REPORT_MS);
  });
});

describe('the open phone checks', () => {
  it('caps how many are kept, and makes room as they are forgotten', () => {
    let now = 0;
    const checks = new PhoneChecks({ linkTtlMs: TTL, maxOpen: 2, now: () => now });
    const first = checks.create();
    checks.create();
    expect(() => checks.create()).toThrow(expect.objectContaining({ code: 'too-many-checks' }));
    now = TTL;
    expect(checks.status(first.statusToken)?.state).toBe('expired');
    now = TTL + REPORT_MS;
    expect(checks.status(first.statusToken)).toBeUndefined();
    checks.create();
    expect(checks.size).toBe(1);
  });

  it('keeps link, status and result apart: no token opens another one', () => {
    const checks = new PhoneChecks({ linkTtlMs: TTL, maxOpen: 10, now: () => 0 });
    const { linkToken, statusToken } = checks.create();
    expect(checks.status(linkToken)).toBeUndefined();
    expect(checks.linkUse(statusToken)).toBe('expired');
    checks.open(linkToken, 'session-1', 'r'.repeat(43), TTL * 2);
    expect(checks.sessionOf(linkToken)).toBeUndefined();
    expect(checks.sessionOf('r'.repeat(43))).toBe('session-1');
    expect(checks.linkUse('not a token')).toBe('expired');
  });
});

describe('the phone check routes', () => {
  let server: SelfCheckServer;
  beforeAll(async () => {
    server = await startSelfCheckServer();
  });
  afterAll(() => server.close());

  async function create(): Promise<PhoneCheckCreated> {
    const answer = await httpsRequest(`${server.origin}/phone-checks`, {
      ca: server.ca,
      method: 'POST',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers['cache-control']).toBe('no-store');
    return PhoneCheckCreated.parse(JSON.parse(answer.body));
  }
  const status = async (token: string) => {
    const answer = await server.get(`/phone-checks/${token}`);
    return { status: answer.status, body: JSON.parse(answer.body) as unknown };
  };
  const pathOf = (link: string) => new URL(link).pathname;

  it('the phone opens the link, reads the card, sees the name once; the terminal sees only "ready"', async () => {
    const check = await create();
    expect(new URL(check.link).origin).toBe(server.origin);
    expect(await status(check.statusToken)).toEqual({
      status: 200,
      body: { state: 'waiting', expiresAt: check.expiresAt },
    });

    // The page on the phone explains and offers the start; opening it uses nothing up.
    for (const language of languages) {
      const intro = await server.get(`${pathOf(check.link)}?lang=${language}`);
      expect(intro.status).toBe(200);
      expect(intro.body).toContain(`<html lang="${language}"`);
      expect(intro.body).toContain(texts.introButton[language]);
    }
    const intro = await server.get(pathOf(check.link), { 'accept-language': 'de' });
    const start = /href="([^"]*\/start\?lang=de)"/.exec(intro.body)?.[1] ?? '';
    expect(start).toBe(`${pathOf(check.link)}/start?lang=de`);

    // The start: a page whose button goes to the phone's AusweisApp, with a fallback.
    const open = await server.get(start);
    expect(open.status).toBe(200);
    const eidLink = /href="(eid:\/\/127\.0\.0\.1:24727\/eID-Client\?tcTokenURL=[^"]+)"/.exec(
      open.body,
    )?.[1];
    expect(eidLink).toBeDefined();
    const tcTokenUrl = new URL((eidLink ?? '').replaceAll('&amp;', '&')).searchParams.get(
      'tcTokenURL',
    );
    expect(open.body).toContain(
      `href="http://127.0.0.1:24727/eID-Client?tcTokenURL=${encodeURIComponent(tcTokenUrl ?? '')}"`,
    );
    expect((await status(check.statusToken)).body).toMatchObject({ state: 'opened' });

    // A second use of the link, and its start: "already used".
    for (const path of [pathOf(check.link), start]) {
      const again = await server.get(path);
      expect(again.status).toBe(410);
      expect(again.body).toContain(texts.usedTitle.de);
    }

    // The phone's AusweisApp fetches the TC token and runs the card (here: the card double).
    const tcToken = await server.get(tcTokenUrl ?? '');
    const refresh = /<RefreshAddress>([^<]*)<\/RefreshAddress>/.exec(tcToken.body)?.[1] ?? '';
    const refreshAddress = new URL(refresh.replaceAll('&amp;', '&'));
    expect(refreshAddress.pathname).toMatch(/^\/phone\/result\/[A-Za-z0-9_-]{43}$/);
    const sessionId = new URL(tcTokenUrl ?? '').pathname.split('/').at(-1) ?? '';
    const run = server.runCard({ activation: new URL(eidLink ?? ''), sessionId, refreshAddress });
    expect(run.result).toEqual({ major: 'ok' });
    expect((await status(check.statusToken)).body).toMatchObject({ state: 'opened' });

    const result = await server.get(refreshAddress.pathname + refreshAddress.search);
    expect(result.status).toBe(200);
    expect(result.body).toContain(texts.successTitle.de);
    expect(fieldText(result.body, 'givenNames')).toBe('Vorname(n) ERIKA');
    expect(fieldText(result.body, 'familyNames')).toBe('Familienname MUSTERMANN');
    expect(result.body).not.toContain('data-field="dateOfBirth"');

    const ready = await status(check.statusToken);
    expect(ready).toEqual({ status: 200, body: { state: 'ready', expiresAt: check.expiresAt } });
    expect(JSON.stringify(ready)).not.toMatch(/ERIKA|MUSTERMANN/i);
    // The result once only; nothing of it in the log.
    expect((await server.get(refreshAddress.pathname)).status).toBe(404);
    expect(server.logLines.join('\n')).not.toMatch(/ERIKA|MUSTERMANN|HEIDESTRA/i);
    expect(server.logLines.join('\n')).not.toContain(check.statusToken);
  });

  it('answers an unknown status token 404 and a malformed link page as expired', async () => {
    expect((await status('x'.repeat(43))).status).toBe(404);
    const page = await server.get('/phone/nonsense');
    expect(page.status).toBe(410);
    expect(page.body).toContain(texts.expiredTitle.de);
  });

  it('after the link time: "expired" for the terminal and on the phone; the cap answers 503', async () => {
    let now = Date.now();
    const config = {
      ...server.config,
      config: {
        ...server.config.config,
        phoneCheck: { enabled: true, linkTtlSeconds: 300, maxOpen: 1 },
      },
    };
    const logger = capturingLogger([]);
    const authentications = new AuthenticationService(config, logger);
    const app = await buildApp({ config, authentications, logger, now: () => now });
    try {
      const created = await app.inject({ method: 'POST', url: '/phone-checks' });
      expect(created.statusCode).toBe(201);
      const check = PhoneCheckCreated.parse(created.json());
      const full = await app.inject({ method: 'POST', url: '/phone-checks' });
      expect(full.statusCode).toBe(503);
      expect(full.json()).toMatchObject({ error: { code: 'too-many-sessions' } });
      now += 300_000;
      const after = await app.inject({ url: `/phone-checks/${check.statusToken}` });
      expect(PhoneCheckStatus.parse(after.json()).state).toBe('expired');
      for (const path of [pathOf(check.link), `${pathOf(check.link)}/start?lang=en`]) {
        const page = await app.inject({ url: path, headers: { 'accept-language': 'en' } });
        expect(page.statusCode).toBe(410);
        expect(page.body).toContain(texts.expiredTitle.en);
      }
      expect(authentications.openSessions).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('is not served when switched off', async () => {
    const config = {
      ...server.config,
      config: {
        ...server.config.config,
        phoneCheck: { enabled: false, linkTtlSeconds: 300, maxOpen: 1 },
      },
    };
    const logger = capturingLogger([]);
    const app = await buildApp({
      config,
      authentications: new AuthenticationService(config, logger),
      logger,
    });
    try {
      expect((await app.inject({ method: 'POST', url: '/phone-checks' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('the phone pages catalogue', () => {
  eachTextInEveryLanguage(texts);
});

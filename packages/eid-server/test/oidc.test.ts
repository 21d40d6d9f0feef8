import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '@sidbox/protocol/config-file';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthenticationResult } from '../src/authentication-result.js';
import { eidServerConfigSchema } from '../src/config/schema.js';
import { loadEidServerConfig } from '../src/config/load.js';
import {
  addressClaim,
  allowedScopes,
  birthdate,
  cardClaims,
  cardRequest,
  grantedClaims,
  providerClaims,
} from '../src/oidc/claims.js';
import { UNKNOWN_ID_REFRESH_GAP_MS } from '../src/hub/cached-list.js';
import { CachedOidcClientDirectory, HubOidcClientDirectory } from '../src/oidc/client-directory.js';
import { ExpiringMap } from '../src/oidc/expiring-map.js';
import { MemoryStore } from '../src/oidc/memory-adapter.js';
import { OidcError } from '../src/oidc/oidc-error.js';
import { oidcKeysFromPem } from '../src/oidc/signing-key.js';
import { texts } from '../src/oidc/texts.js';
import { eachTextInEveryLanguage } from './helpers/catalogue.js';
import { stackTrace } from './helpers/https-client.js';
import { FakeOidcClientDirectory } from './helpers/oidc-fake-clients.js';
import { startOidcServer, type OidcServer } from './helpers/oidc-server.js';
import { fetchTrusting, verifyEs256 } from './helpers/oidc-browser.js';

const names = { claims: ['given_name', 'family_name'] as const };

describe('scopes and claims', () => {
  it('a platform may ask for openid and the scopes of its registered claims only', () => {
    expect(allowedScopes({ claims: [] })).toEqual(['openid']);
    expect(allowedScopes({ claims: ['given_name', 'age_over'] })).toEqual([
      'openid',
      'profile',
      'age_over',
    ]);
    expect(allowedScopes({ claims: ['birthdate', 'address'] })).toEqual([
      'openid',
      'profile',
      'address',
    ]);
  });

  it('a sign-in releases the requested scopes’ claims the platform registered, nothing more', () => {
    const client = { claims: ['given_name', 'address', 'age_over'] as const };
    expect(grantedClaims({ claims: [...client.claims] }, 'openid profile')).toEqual(['given_name']);
    expect(grantedClaims({ claims: [...client.claims] }, 'openid email age_over address')).toEqual([
      'address',
      'age_over',
    ]);
    expect(grantedClaims({ claims: [...client.claims] }, 'openid')).toEqual([]);
  });

  it('asks the card for the pseudonym and exactly the granted claims', () => {
    expect(cardRequest([], undefined)).toEqual({ operations: { restrictedId: 'REQUIRED' } });
    expect(cardRequest(['given_name', 'birthdate', 'address', 'age_over'], 16)).toEqual({
      operations: {
        restrictedId: 'REQUIRED',
        givenNames: 'REQUIRED',
        dateOfBirth: 'REQUIRED',
        placeOfResidence: 'REQUIRED',
        ageVerification: 'REQUIRED',
      },
      ageVerification: { age: 16 },
    });
  });

  it('every age_over_NN the contract allows is a claim of the age_over scope', () => {
    const claims = providerClaims();
    expect(claims['age_over']).toHaveLength(99);
    expect(claims['age_over']).toContain('age_over_18');
    expect(claims['age_over']).toContain('age_over_01');
    expect(claims['openid']).toEqual(['sub']);
  });

  const result: AuthenticationResult = {
    personalData: {
      givenNames: 'ERIKA',
      familyNames: 'MUSTERMANN',
      dateOfBirth: { year: 1964, month: 8, day: 12, iso: '1964-08-12' },
      placeOfResidence: {
        kind: 'structured',
        street: 'HEIDESTRASSE 17',
        city: 'KÖLN',
        zipCode: '51147',
        country: 'D',
      },
    },
    restrictedId: Buffer.alloc(32, 0xab),
    ageVerification: false,
    operationsAllowedByUser: {},
  };

  it('maps the card data to the granted claims only', () => {
    expect(cardClaims(['given_name', 'age_over'], 21, result)).toEqual({
      given_name: 'ERIKA',
      age_over_21: false,
    });
    expect(cardClaims(['family_name', 'birthdate', 'address'], undefined, result)).toEqual({
      family_name: 'MUSTERMANN',
      birthdate: '1964-08-12',
      address: {
        formatted: 'HEIDESTRASSE 17\n51147 KÖLN',
        street_address: 'HEIDESTRASSE 17',
        locality: 'KÖLN',
        postal_code: '51147',
        country: 'D',
      },
    });
  });

  it('leaves out what the card does not hold instead of inventing it', () => {
    const empty: AuthenticationResult = { personalData: {}, operationsAllowedByUser: {} };
    expect(cardClaims(['given_name', 'birthdate', 'address', 'age_over'], 18, empty)).toEqual({});
    expect(addressClaim({ kind: 'none', text: 'keine Hauptwohnung in Deutschland' })).toBe(
      undefined,
    );
    expect(addressClaim({ kind: 'freetext', text: 'BERLIN' })).toEqual({ formatted: 'BERLIN' });
  });

  it('gives a birth date without day or month as the year alone, as OpenID allows', () => {
    expect(birthdate({ year: 1964, iso: '1964' })).toBe('1964');
    expect(birthdate({ year: 1964, month: 8, iso: '1964-08' })).toBe('1964');
    expect(birthdate({ year: 1964, month: 8, day: 2, iso: '1964-08-02' })).toBe('1964-08-02');
  });
});

describe('the signing key', () => {
  const pem = (type: 'ec' | 'ed25519' | 'rsa') =>
    (type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : type === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519')
    ).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  it('an EC P-256 key signs ES256 under its thumbprint, and derives the cookie keys', () => {
    const key = pem('ec');
    const keys = oidcKeysFromPem(key);
    expect(keys.signingJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys.signingJwk.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(oidcKeysFromPem(key)).toEqual(keys);
    expect(oidcKeysFromPem(pem('ec')).cookieKeys).not.toEqual(keys.cookieKeys);
    expect(keys.cookieKeys[0]).not.toContain(keys.signingJwk.d);
  });

  it.each(['ed25519', 'rsa'] as const)('refuses a %s key', (type) => {
    expect(() => oidcKeysFromPem(pem(type))).toThrow(
      expect.objectContaining({ code: 'signing-key-invalid' }),
    );
  });

  it('refuses what is no key', () => {
    expect(() => oidcKeysFromPem('not a key')).toThrow(OidcError);
  });
});

describe('the configuration', () => {
  const minimal = {
    publicOrigin: 'https://eid.example.org',
    tls: { key: 'k', certificate: 'c' },
    trust: { certificates: ['t'] },
    services: [
      {
        id: 's',
        name: 'S',
        apiKeyFile: 'a',
        terminal: { certificates: ['c'], privateKey: 'p', certificateDescription: 'd' },
      },
    ],
  };

  it('an oidc section needs the hub the platforms come from', () => {
    const parsed = eidServerConfigSchema.safeParse({ ...minimal, oidc: { signingKey: 'o.pem' } });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['oidc'], message: 'needs hub' }),
    ]);
    const withHub = {
      ...minimal,
      oidc: { signingKey: 'o.pem' },
      hub: { url: 'https://hub.example.org', apiKeyFile: 'h' },
    };
    expect(eidServerConfigSchema.safeParse(withHub).success).toBe(true);
    expect(
      eidServerConfigSchema.safeParse({ ...withHub, oidc: { signingKey: 'o', extra: 1 } }).success,
    ).toBe(false);
  });
});

describe('the platforms from the hub', () => {
  const input = { clientId: 'lernen', name: 'Lernen', redirectUris: ['https://l.example/cb'] };

  it('are cached, asked again at once for an unknown client id, at most every 5 s', async () => {
    const source = new FakeOidcClientDirectory();
    let now = 0;
    const cache = new CachedOidcClientDirectory(source, 30_000, () => now);
    await cache.clients();
    await cache.clients('lernen');
    expect(source.calls).toBe(1);
    now = UNKNOWN_ID_REFRESH_GAP_MS;
    source.add('3f1d7a0e-0000-4000-8000-000000000001', { ...input, claims: [] });
    expect((await cache.clients('lernen')).map((c) => c.clientId)).toEqual(['lernen']);
    expect(source.calls).toBe(2);
    await cache.clients('made-up');
    expect(source.calls).toBe(2);
    now += 30_000;
    source.reachable = false;
    expect(await cache.clients()).toHaveLength(1);
  });

  it('without any list, a hub that is down is an error', async () => {
    const source = new FakeOidcClientDirectory();
    source.reachable = false;
    await expect(new CachedOidcClientDirectory(source, 1000).clients()).rejects.toMatchObject({
      code: 'hub-unreachable',
    });
  });

  describe('over HTTP', () => {
    let server: Server;
    let answer: { status: number; body: unknown };
    let seen: string | undefined;
    let url: string;
    beforeAll(async () => {
      server = createServer((request, response) => {
        seen = `${request.url} ${request.headers.authorization}`;
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));
    const hub = () => new HubOidcClientDirectory({ url, apiKey: 'k3y', refreshSeconds: 30 });

    it('asks GET /api/eid-server/oidc-clients with the key and checks the answer', async () => {
      answer = { status: 200, body: { clients: [] } };
      expect(await hub().clients()).toEqual([]);
      expect(seen).toBe('/api/eid-server/oidc-clients Bearer k3y');
      answer = { status: 200, body: { clients: [{ clientId: 'x' }] } };
      await expect(hub().clients()).rejects.toMatchObject({ code: 'hub-answer-invalid' });
      answer = { status: 401, body: {} };
      await expect(hub().clients()).rejects.toMatchObject({ code: 'hub-answer-invalid' });
    });
  });
});

describe('the in-memory state', () => {
  it('the store forgets entries at their TTL, consumes, finds sessions by uid and revokes grants', async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    const codes = store.adapter('AuthorizationCode');
    const sessions = store.adapter('Session');
    await codes.upsert('c1', { grantId: 'g1', accountId: 'a' }, 60);
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 600);
    await codes.consume('c1');
    expect(await codes.find('c1')).toMatchObject({ consumed: 0 });
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: 'a' });
    await store.adapter('AccessToken').revokeByGrantId('g1');
    expect(await codes.find('c1')).toBeUndefined();
    now = 600_000;
    expect(await sessions.find('s1')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('a kept value is taken once, and gone at its TTL', () => {
    let now = 0;
    const map = new ExpiringMap<string>(() => now);
    map.set('a', 'claims', 1000);
    map.set('b', 'claims', 1000);
    expect(map.take('a')).toBe('claims');
    expect(map.take('a')).toBeUndefined();
    now = 1000;
    expect(map.get('b')).toBeUndefined();
    expect(map.size).toBe(0);
  });
});

describe('the sign-in pages’ texts', () => {
  eachTextInEveryLanguage(texts);
});

describe('a sign-in in process (card double, FAKE hub)', () => {
  let server: OidcServer;
  const platforms = {
    a: 'hochschule-aurora',
    b: 'verein-blau-weiss',
    archived: 'altes-portal',
    orphan: 'ohne-dienst',
  };
  const redirectUri = (clientId: string) => `https://${clientId}.example/callback`;

  beforeAll(async () => {
    server = await startOidcServer();
    const { directory, members } = server;
    const platform = (clientId: string, claims: ('given_name' | 'family_name' | 'age_over')[]) => ({
      clientId,
      name: `Plattform ${clientId}`,
      redirectUris: [redirectUri(clientId)],
      claims,
      ...(claims.includes('age_over') && { minimumAge: 18 }),
    });
    directory.add(members.a, platform(platforms.a, [...names.claims, 'age_over']));
    directory.add(members.b, platform(platforms.b, []));
    directory.add(members.a, platform(platforms.archived, []), true);
    directory.add(members.withoutService, platform(platforms.orphan, []));
  });
  afterAll(() => server?.close());

  async function authorize(clientId: string, scope: string, extra: Record<string, string> = {}) {
    const config = await server.client(clientId);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(clientId),
      scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...extra,
    });
    return { config, url, verifier, state, browser: server.browser() };
  }

  async function signIn(clientId: string, scope: string, extra: Record<string, string> = {}) {
    const request = await authorize(clientId, scope, extra);
    const signinPage = await request.browser.redirect(request.url.href);
    const callback = await server.readCard(request.browser, signinPage);
    const tokens = await oidc.authorizationCodeGrant(request.config, callback, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    return { tokens, callback, request };
  }

  it('the sign-in page names the platform and what it receives, in German and English', async () => {
    const request = await authorize(platforms.a, 'openid profile age_over');
    const signinPage = await request.browser.redirect(request.url.href);
    expect(signinPage.pathname).toMatch(/^\/oidc\/signin\/[\w-]+$/);
    const de = await request.browser.get(`${signinPage.href}?lang=de`);
    expect(de.status).toBe(200);
    expect(de.headers['cache-control']).toBe('no-store');
    expect(de.body).toContain('Bei Plattform hochschule-aurora anmelden');
    for (const item of ['Vorname(n)', 'Familienname', 'Ob Sie älter als 18 Jahre sind'])
      expect(de.body).toContain(item);
    const en = await request.browser.get(`${signinPage.href}?lang=en`);
    expect(en.body).toContain('Sign in to Plattform hochschule-aurora');
    // Another browser (no interaction cookie) cannot open it.
    expect((await server.browser().get(signinPage.href)).status).toBe(404);
  });

  it('an ID token with the pseudonym and the registered claims; the code works once', async () => {
    const { tokens, callback, request } = await signIn(platforms.a, 'openid profile age_over');
    const jwks = await (await fetchTrusting(server.citizen.ca)(`${server.issuer}/jwks`, {})).json();
    const claims = verifyEs256(tokens.id_token ?? '', jwks as never);
    expect(claims['sub']).toMatch(/^[0-9a-f]{64}$/);
    expect(claims).toMatchObject({ given_name: 'ERIKA', family_name: 'MUSTERMANN' });
    expect(claims).toHaveProperty('age_over_18');
    expect(claims).not.toHaveProperty('birthdate');
    await expect(
      oidc.authorizationCodeGrant(request.config, callback, {
        pkceCodeVerifier: request.verifier,
        expectedState: request.state,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it("another member's platform gets another sub, and only the sub", async () => {
    const first = (await signIn(platforms.a, 'openid')).tokens.claims();
    const second = (await signIn(platforms.b, 'openid')).tokens.claims();
    expect(first?.sub).not.toBe(second?.sub);
    expect(Object.keys(first ?? {})).not.toContain('given_name');
    expect(Object.keys(second ?? {}).sort()).toEqual(
      ['at_hash', 'aud', 'exp', 'iat', 'iss', 'sub'].sort(),
    );
  });

  it('ignores scopes it does not know and the claims parameter: scopes decide', async () => {
    const { tokens } = await signIn(platforms.b, 'openid email phone', {
      claims: JSON.stringify({ id_token: { given_name: { essential: true }, birthdate: null } }),
    });
    const claims = tokens.claims() ?? {};
    expect(claims).not.toHaveProperty('given_name');
    expect(claims).not.toHaveProperty('birthdate');
    expect(claims).not.toHaveProperty('email');
  });

  it('each sign-in reads the card: no silent sign-in with prompt=none', async () => {
    const request = await authorize(platforms.a, 'openid', { prompt: 'none' });
    const back = await request.browser.redirect(request.url.href);
    expect(back.searchParams.get('error')).toBe('login_required');
  });

  it('"Abbrechen" on the sign-in page, or in AusweisApp, answers access_denied', async () => {
    const request = await authorize(platforms.a, 'openid');
    const signinPage = await request.browser.redirect(request.url.href);
    const resume = await request.browser.redirect(`${signinPage.href}/cancel`);
    const back = await request.browser.redirect(resume.href);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe(request.state);

    const second = await authorize(platforms.a, 'openid');
    const page = await second.browser.redirect(second.url.href);
    const cancelled = await server.readCard(second.browser, page, { cancelAt: 'EAC1' });
    expect(cancelled.searchParams.get('error')).toBe('access_denied');
  });

  it('refuses a request without PKCE, an unregistered scope, and unknown platforms', async () => {
    const config = await server.client(platforms.a);
    const plain = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(platforms.a),
      scope: 'openid',
    });
    const noPkce = await server.browser().redirect(plain.href);
    expect(noPkce.searchParams.get('error')).toBe('invalid_request');

    const address = await authorize(platforms.b, 'openid profile');
    const refused = await address.browser.redirect(address.url.href);
    expect(refused.searchParams.get('error')).toBe('invalid_scope');

    for (const clientId of [platforms.archived, platforms.orphan, 'no-such-platform']) {
      const url = new URL(plain);
      url.searchParams.set('client_id', clientId);
      const page = await server.browser().get(url.href);
      expect(page.status).toBe(400);
      expect(page.body).toContain('data-error="invalid_client"');
      expect(page.body).not.toMatch(stackTrace);
    }
  });

  it('while the hub cannot be asked: a page without details, the reason in the log', async () => {
    const request = await authorize(platforms.a, 'openid');
    server.directory.reachable = false;
    try {
      const page = await request.browser.get(request.url.href);
      expect(page.status).toBe(500);
      expect(page.body).toContain('data-error="server_error"');
      expect(page.body).not.toMatch(stackTrace);
    } finally {
      server.directory.reachable = true;
    }
    const logged = server.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'OpenID provider error', code: 'hub-unreachable' }),
    );
  });

  it('loads the signing key the test setup made; another kind of key is refused', async () => {
    const loaded = await loadEidServerConfig(server.setup.configFile);
    expect(loaded.oidc?.signingJwk).toMatchObject({ crv: 'P-256', alg: 'ES256' });
    const ed25519 = generateKeyPairSync('ed25519').privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    await writeFile(join(server.dir, 'oidc-signing.key.pem'), ed25519);
    const error = await loadEidServerConfig(server.setup.configFile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      {
        path: 'oidc.signingKey',
        message: 'oidc-signing.key.pem: not an EC P-256 private key (PEM)',
      },
    ]);
  });

  it('logs no card data and no pseudonym', async () => {
    const { tokens } = await signIn(platforms.a, 'openid profile');
    const log = server.logLines.join('\n');
    // The date of birth as the card gives it; a bare "1964" turns up in timestamps.
    for (const value of ['ERIKA', 'MUSTERMANN', '19640812', String(tokens.claims()?.sub)])
      expect(log).not.toContain(value);
  });
});

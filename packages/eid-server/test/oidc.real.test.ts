import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AusweisAppSupervisor, startAuthentication } from '@sidbox/eid';
import type { EidStep, OidcClientInput } from '@sidbox/protocol';
import { silentLogger } from '@sidbox/runtime';
import * as oidc from 'openid-client';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcClient } from '../../hub/src/api/admin/oidc-clients/commands.js';
import { clientSecretOf } from '../../hub/src/oidc-clients/secret.js';
import { newKekText } from '../../hub/src/signing/kek.js';
import { startHub } from '../../hub/src/start-hub.js';
import { seedWorld, testEidServer } from '../../hub/test/helpers/hub.js';
import { uniqueClientId } from '../../hub/test/helpers/oidc-clients.js';
import { wcagViolations } from '../../kiosk-ui/test/helpers/axe.js';
import { launchTestChromium } from '../../kiosk-ui/test/helpers/chromium.js';
import { watchPageProblems } from '../../kiosk-ui/test/helpers/page-problems.js';
import { personalDataFound, simulatorCitizen } from '../../terminal/test/helpers/privacy-scan.js';
import { ecPrivateKeyFromPem, ecPublicKeyOf, ecSharedX } from '../src/crypto/brainpool.js';
import {
  freePort,
  lostSimulatorRace,
  SIMULATOR_ATTEMPTS,
  SIMULATOR_RI_KEY_2,
  startTestEidServer,
  type TestEidServer,
} from './helpers/eid-server.js';
import { fetchTrusting, OidcBrowser, verifyEs256 } from './helpers/oidc-browser.js';

// "Mit dem Personalausweis anmelden" end to end: the real hub (SQLite) holds two members'
// platforms, the eID-Server's OpenID provider pulls them, the real openid-client library signs
// in through it, and the real AusweisApp 1.26.2 with its Simulator card (ERIKA MUSTERMANN) reads
// the card. The browser is played with plain HTTPS requests that keep the provider's cookies.

type Hub = Awaited<ReturnType<typeof startHub>>;
let hubDir: string;
let hub: Hub;
let eidServer: TestEidServer;
let issuer: string;
const platforms: { input: OidcClientInput; secret: string; member: number }[] = [];
let jwks: { keys: Record<string, string>[] };
let chromium: Browser;

beforeAll(async () => {
  // Chromium starts while the hub and the eID-Server do.
  const launching = launchTestChromium({ acceptInsecureCerts: true });
  const port = await freePort();
  hubDir = await mkdtemp(join(tmpdir(), 'sidbox-oidc-hub-'));
  hub = await startHub({
    port: 0,
    logger: false,
    loginAttemptsPerMinute: 10_000,
    dataDir: hubDir,
    eidServer: { origin: `https://127.0.0.1:${port}`, apiKey: testEidServer.apiKey },
    // As in production: the platforms' secrets rest sealed and the hub opens them for the pull.
    keyEncryptionKey: newKekText().trim(),
  });
  const world = await seedWorld(hub.db, hub.url);
  const inputs: [OidcClientInput, number][] = [
    [
      {
        clientId: uniqueClientId('lernplattform'),
        name: 'Lernplattform Aurora',
        redirectUris: ['https://lernen.aurora.example/oidc/callback'],
        claims: ['given_name', 'family_name', 'age_over'],
        minimumAge: 18,
      },
      0,
    ],
    [
      {
        clientId: uniqueClientId('vereinsportal'),
        name: 'Vereinsportal Blau-Weiß',
        redirectUris: ['https://portal.blau-weiss.example/callback'],
        claims: ['birthdate', 'address'],
      },
      1,
    ],
  ];
  for (const [input, member] of inputs) {
    const organisation = member === 0 ? world.memberA : world.memberB;
    const row = await createOidcClient(hub.db, undefined, organisation.id, input);
    platforms.push({ input, secret: clientSecretOf(hub.db, row), member });
  }
  eidServer = await startTestEidServer({
    port,
    members: [
      { organisationId: world.memberA.id, name: world.memberA.name },
      { organisationId: world.memberB.id, name: world.memberB.name },
    ],
    hub: { url: hub.url, apiKey: testEidServer.apiKey },
    oidc: true,
  });
  issuer = `${eidServer.setup.publicOrigin}/oidc`;
  chromium = await launching;
});
afterAll(async () => {
  await chromium?.close();
  await eidServer?.close();
  await hub?.close();
  if (hubDir) await rm(hubDir, { recursive: true, force: true });
});

const platform = (index: number) => platforms[index] as (typeof platforms)[number];

/** The platform's openid-client configuration, by discovery of the provider. */
async function clientOf(index: number, auth: 'post' | 'basic') {
  const { input, secret } = platform(index);
  const customFetch = fetchTrusting(eidServer.ca);
  const config = await oidc.discovery(
    new URL(issuer),
    input.clientId,
    undefined,
    auth === 'post' ? oidc.ClientSecretPost(secret) : oidc.ClientSecretBasic(secret),
    { [oidc.customFetch]: customFetch },
  );
  config[oidc.customFetch] = customFetch;
  return config;
}

/** An authorization request as the platform builds it, with PKCE S256 and state. */
async function authorization(config: oidc.Configuration, scope: string, redirectUri?: string) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri:
      redirectUri ??
      (config.clientMetadata().client_id === platform(0).input.clientId
        ? platform(0).input.redirectUris[0]
        : platform(1).input.redirectUris[0]) ??
      '',
    scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  return { url, verifier, state };
}

/** AusweisApp with the Simulator card, answering like a citizen; the final RefreshAddress. */
async function runAusweisApp(tcTokenURL: string): Promise<{ url: string; consent?: EidStep }> {
  const supervisor = new AusweisAppSupervisor({ acceptTestPki: true, logger: silentLogger() });
  try {
    const workflow = startAuthentication(await supervisor.start(), { tcTokenURL });
    let consent: EidStep | undefined;
    const answer = (step: EidStep): void => {
      if (step.step === 'access-rights') {
        consent = step;
        workflow.act({ type: 'accept' });
      }
      if (step.step === 'insert-card') workflow.act({ type: 'insert-card', reader: 'Simulator' });
      if (step.step === 'enter-pin') workflow.act({ type: 'pin' });
    };
    workflow.onStep(answer);
    answer(workflow.step);
    const outcome = await workflow.done;
    return { url: (outcome as { url?: string }).url ?? '', ...(consent && { consent }) };
  } finally {
    await supervisor.stop();
  }
}

/**
 * The browser from the platform's authorization URL through the sign-in page and AusweisApp
 * back to the platform's redirect URI; again from the start only after a lost Simulator race.
 */
async function signIn(config: oidc.Configuration, scope: string) {
  for (let attempt = 1; ; attempt++) {
    const browser = new OidcBrowser(eidServer.ca);
    const request = await authorization(config, scope);
    const signinUrl = await browser.redirect(request.url.href);
    const page = await browser.get(signinUrl.href);
    expect(page.status).toBe(200);
    const start = page.body.match(/href="([^"]*\/start[^"]*)"/)?.[1]?.replaceAll('&amp;', '&');
    const activation = await browser.redirect(new URL(start ?? '', signinUrl).href);
    const tcTokenURL = activation.searchParams.get('tcTokenURL') ?? '';
    const sessionId = new URL(tcTokenURL).pathname.split('/').at(-1) ?? '';
    const { url, consent } = await runAusweisApp(tcTokenURL);
    if (attempt < SIMULATOR_ATTEMPTS && lostSimulatorRace(eidServer, sessionId)) continue;
    const resume = await browser.redirect(url);
    const callback = await browser.redirect(resume.href);
    return { request, page, callback, consent };
  }
}

/** The pseudonym of the Simulator card in a member's sector (AusweisApp's RI computation). */
function expectedPseudonym(member: number): string {
  const sectorKey = ecPrivateKeyFromPem(
    eidServer.setup.pki.moreTerminals[member]?.sectorPrivateKeyPem ?? '',
  );
  return createHash('sha256')
    .update(ecSharedX(sectorKey, ecPublicKeyOf(SIMULATOR_RI_KEY_2)))
    .digest('hex');
}

describe('the OpenID provider with the real hub, openid-client, AusweisApp and its Simulator', () => {
  const subs: string[] = [];

  it('publishes a discovery document and JWKS a client library accepts', async () => {
    const config = await clientOf(0, 'post');
    const server = config.serverMetadata();
    expect(server.issuer).toBe(issuer);
    expect(server.code_challenge_methods_supported).toEqual(['S256']);
    expect(server.response_types_supported).toEqual(['code']);
    expect(server.id_token_signing_alg_values_supported).toEqual(['ES256']);
    expect(server.userinfo_endpoint).toBeUndefined();
    expect(server.registration_endpoint).toBeUndefined();
    const answer = await fetchTrusting(eidServer.ca)(server.jwks_uri ?? '', {});
    jwks = (await answer.json()) as typeof jwks;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it("signs in to member A's platform: sub is the card's pseudonym in A's sector, claims as registered", async () => {
    const config = await clientOf(0, 'post');
    const { request, page, callback, consent } = await signIn(config, 'openid profile age_over');
    expect(page.body).toContain('Lernplattform Aurora');
    // AusweisApp asked the citizen for exactly the registered data and the pseudonym.
    const asked = [...((consent as { required?: string[] } | undefined)?.required ?? [])];
    expect(asked.sort()).toEqual(['AgeVerification', 'FamilyName', 'GivenNames', 'Pseudonym']);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    const claims = verifyEs256(tokens.id_token ?? '', jwks as never);
    expect(claims['iss']).toBe(issuer);
    expect(claims['aud']).toBe(platform(0).input.clientId);
    expect(claims['sub']).toBe(expectedPseudonym(0));
    const { sub, given_name, family_name, age_over_18 } = claims;
    expect({ given_name, family_name, age_over_18 }).toEqual({
      given_name: 'ERIKA',
      family_name: 'MUSTERMANN',
      age_over_18: true,
    });
    const personal = Object.keys(claims).filter(
      (name) =>
        !['iss', 'aud', 'sub', 'exp', 'iat', 'auth_time', 'at_hash', 'sid', 'azp'].includes(name),
    );
    expect(personal.sort()).toEqual(['age_over_18', 'family_name', 'given_name']);
    subs.push(String(sub));

    // The same code again: refused.
    await expect(
      oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: request.verifier,
        expectedState: request.state,
      }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it("signs in to member B's platform with another sub, the birth date and the address", async () => {
    const config = await clientOf(1, 'basic');
    const { request, callback } = await signIn(config, 'openid profile address');
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    const claims = verifyEs256(tokens.id_token ?? '', jwks as never);
    expect(claims['sub']).toBe(expectedPseudonym(1));
    expect(claims['sub']).not.toBe(subs[0]);
    expect(claims['birthdate']).toBe('1964-08-12');
    expect(claims['address']).toMatchObject({ locality: 'KÖLN', country: 'D' });
    expect(claims).not.toHaveProperty('given_name');
    expect(claims).not.toHaveProperty('family_name');
  });

  it('refuses a scope the platform did not register, and a wrong redirect URI', async () => {
    const config = await clientOf(0, 'post');
    const browser = new OidcBrowser(eidServer.ca);
    const unregistered = await authorization(config, 'openid address');
    const refusal = await browser.redirect(unregistered.url.href);
    expect(refusal.origin + refusal.pathname).toBe(platform(0).input.redirectUris[0]);
    expect(refusal.searchParams.get('error')).toBe('invalid_scope');

    const wrong = await authorization(config, 'openid', 'https://evil.example/callback');
    const answer = await browser.get(wrong.url.href);
    expect(answer.status).toBe(400);
    expect(answer.headers['location']).toBeUndefined();
    expect(answer.body).toContain('data-error="invalid_redirect_uri"');
  });

  it.each(['de', 'ar'])(
    'the sign-in page in Chromium (%s): WCAG 2.1 AA, keyboard, "Abbrechen" answers access_denied',
    async (language) => {
      const config = await clientOf(0, 'post');
      const { url, state } = await authorization(config, 'openid profile age_over');
      const redirectUri = platform(0).input.redirectUris[0] ?? '';
      const page = await chromium.newPage();
      try {
        const problems = watchPageProblems(page);
        // The platform's redirect URI does not exist here: the page answers for it.
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          if (!request.url().startsWith(redirectUri)) return void request.continue();
          void request.respond({
            status: 200,
            contentType: 'text/html',
            body: '<title>ok</title>',
          });
        });
        await page.setExtraHTTPHeaders({ 'accept-language': language });
        const answer = await page.goto(url.href);
        expect(answer?.status()).toBe(200);
        expect(await page.$eval('html', (html) => html.lang)).toBe(language);
        expect(await wcagViolations(page)).toEqual([]);
        const reached: string[] = [];
        for (let i = 0; i < 12 && reached.length < 2; i++) {
          await page.keyboard.press('Tab');
          const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
          if (href && /\/(start|cancel)\?/.test(href) && !reached.includes(href))
            reached.push(href);
        }
        expect(reached.map((href) => href.split('?')[0]?.split('/').at(-1))).toEqual([
          'start',
          'cancel',
        ]);
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        const back = new URL(page.url());
        expect(back.origin + back.pathname).toBe(redirectUri);
        expect(back.searchParams.get('error')).toBe('access_denied');
        expect(back.searchParams.get('state')).toBe(state);
        expect(problems.list).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it("keeps none of the Simulator's personal data in the hub's database, the eID-Server's log or its memory", async () => {
    const values = [...simulatorCitizen, 'KÖLN'];
    expect(
      await personalDataFound({ directories: [hubDir], logs: eidServer.logLines, values }),
    ).toEqual([]);
    // No card reading's claims are held once the platforms fetched their tokens. (A sign-in
    // whose Simulator lost its race leaves an eID session without a reading until it expires.)
    const health = await fetchTrusting(eidServer.ca)(`${eidServer.server.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', oidcClaimsHeld: 0 });
  });
});

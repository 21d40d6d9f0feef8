import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { inject } from 'vitest';
import { addUser, seedDemo, startHub } from '@sidbox/hub';
import type { AccessDecision, AccessRegistrationResponse } from '@sidbox/protocol';

/** The member admin of the demo's car dealer, who runs the workshop's door. */
export const memberAdmin = { email: 'werkstatt@sidbox.demo', password: 'werkstatt-admin-2025' };

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A real hub (SQLite) with the demo data, a member admin, an eID-Server link (its key is what
 * the eID-Server would present) and the admin UI: in tests the one the run built into a folder
 * of its own (scripts/test-global-setup.ts), so no rebuild of `dist/` gets in the way.
 */
export async function startEidAppsHub(uiDir = inject('hubUiDir')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sidbox-hub-ui-eid-apps-'));
  const eidServerKey = randomUUID();
  const hub = await startHub({
    port: 0,
    dataDir,
    uiDir,
    logger: false,
    eidServer: { origin: 'https://eid.sidbox.test', apiKey: eidServerKey },
  });
  await seedDemo({ dataDir, hubUrl: hub.url });
  await addUser({ dataDir, org: 'autohaus-gabler', role: 'member-admin', ...memberAdmin });

  const post = async <T>(path: string, token: string, body: unknown): Promise<T> => {
    const answer = await fetch(`${hub.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };
  return {
    url: hub.url,
    /** What the eID-Server reports once a person entered the code and showed their card. */
    registerAtTerminal: (appId: string, code: string, card: string) =>
      post<AccessRegistrationResponse>('/api/eid-server/access-registrations', eidServerKey, {
        appId,
        code,
        pseudonymHash: pseudonymHashOf(card),
      }),
    /** What the eID-Server pulls with its key (e.g. `/api/eid-server/oidc-clients`). */
    async pulledByEidServer<T>(path: string): Promise<T> {
      const answer = await fetch(`${hub.url}${path}`, {
        headers: { authorization: `Bearer ${eidServerKey}` },
      });
      if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as T;
    },
    /** What an access point asks when a card is held to its reader. */
    holdCardToDoor: (token: string, card: string, at = new Date()) =>
      post<AccessDecision>('/api/access/decisions', token, {
        decisionId: randomUUID(),
        pseudonymHash: pseudonymHashOf(card),
        at: at.toISOString(),
      }),
    async close() {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** SHA-256 of a stand-in pseudonym: all the hub ever gets about a card. */
const pseudonymHashOf = (card: string) => createHash('sha256').update(card).digest('hex');

export async function signIn(page: Page, url: string, login = memberAdmin): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('input[name=email]');
  await page.type('input[name=email]', login.email);
  await page.type('input[name=password]', login.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('#page-heading');
}

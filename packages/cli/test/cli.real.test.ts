import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unreachableEidServerProvider } from '../../eid/test/helpers/tc-token.js';
import { processTable } from '../../terminal/test/helpers/devices/audio.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `sidbox` command the way an operator would. */
async function sidbox(...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [main, ...args], {
      timeout: 60_000,
      env: { ...process.env, TMPDIR: cliTmp },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * AusweisApp processes started below `root`: the CLI runs with its TMPDIR there, so its
 * AusweisApp's private HOME is too. Other suites' AusweisApps, running beside, do not count.
 */
async function ausweisAppsUnder(root: string): Promise<number[]> {
  const ausweisApps = (await processTable()).filter((p) => /^AusweisApp2?$/.test(p.command));
  const environments = await Promise.all(
    ausweisApps.map((p) => readFile(`/proc/${p.pid}/environ`, 'utf8').catch(() => '')),
  );
  return ausweisApps
    .filter((_, i) => environments[i]?.split('\0').some((v) => v.startsWith(`HOME=${root}/`)))
    .map((p) => p.pid);
}

let cliTmp: string;
let provider: Awaited<ReturnType<typeof unreachableEidServerProvider>>;
let providerUrl: string;

beforeAll(async () => {
  cliTmp = mkdtempSync(join(tmpdir(), 'sidbox-cli-test-'));
  provider = await unreachableEidServerProvider();
  providerUrl = provider.base;
});

afterAll(async () => {
  await provider.close();
  rmSync(cliTmp, { recursive: true, force: true });
});

describe('sidbox doctor', () => {
  it('reports each component with the AusweisApp version as JSON', async () => {
    const result = await sidbox('doctor', '--json');
    const report = JSON.parse(result.stdout);
    const components = report.checks.map((c: { component: string }) => c.component);
    expect(components).toEqual(['Node.js', 'AusweisApp', 'pcscd', 'Chromium']);
    const ausweisApp = report.checks.find(
      (c: { component: string }) => c.component === 'AusweisApp',
    );
    expect(ausweisApp).toMatchObject({ status: 'ok', detail: expect.stringContaining('1.26.2') });
    expect(result.code).toBe(report.ok ? 0 : 1);
  });
});

describe('sidbox eid with the real AusweisApp', () => {
  it('info prints version 1.26.2 and the Simulator reader, and leaves no process behind', async () => {
    const result = await sidbox('eid', 'info', '--json');
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info).toMatchObject({ name: 'AusweisApp2', version: '1.26.2', apiLevel: 2 });
    expect(info.readers).toContainEqual(
      expect.objectContaining({ name: 'Simulator', keypad: true }),
    );
    expect(await ausweisAppsUnder(cliTmp)).toEqual([]);
    expect(readdirSync(cliTmp).filter((name) => name.startsWith('sidbox-ausweisapp-'))).toEqual([]);
  });

  it('info is readable without --json', async () => {
    const result = await sidbox('eid', 'info');
    expect(result.stdout).toMatch(/AusweisApp2 1\.26\.2, SDK API level 2/);
    expect(result.stdout).toMatch(/Simulator\s+keypad\s+no card/);
  });

  it('changes the PIN with the Simulator card', async () => {
    const result = await sidbox('eid', 'change-pin', '--reader', 'Simulator', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      workflow: 'change-pin',
      code: 'pin-changed',
      ok: true,
      training: false,
    });
  });

  it('maps an unreachable provider to provider-unreachable, exit 1', async () => {
    const result = await sidbox(
      'eid',
      'auth',
      'https://127.0.0.1:1/tctoken',
      '--reader',
      'Simulator',
      '--json',
    );
    expect(result.code).toBe(1);
    const outcome = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({ workflow: 'auth', code: 'provider-unreachable', ok: false });
    expect(outcome.url).toBeUndefined();
  });

  it('hands on the address AusweisApp names when the eID server is unreachable', async () => {
    const result = await sidbox(
      'eid',
      'auth',
      `${providerUrl}/tctoken`,
      '--reader',
      'Simulator',
      '--developer-mode',
      '--json',
    );
    expect(result.code).toBe(1);
    const outcome = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({
      code: 'provider-unreachable',
      url: `${providerUrl}/refresh?session=1`,
    });
  });
});

describe('sidbox eid with a training card', () => {
  it('lists the scenarios', async () => {
    const result = await sidbox('eid', 'scenarios', '--json');
    const ids = JSON.parse(result.stdout).map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'transport-pin',
        'normal',
        'two-tries-left',
        'can-needed',
        'puk-needed',
        'deactivated',
        'puk-used-up',
        'card-removed',
        'expired',
      ]),
    );
  });

  it('walks CAN then PIN then new PIN', async () => {
    const result = await sidbox(
      'eid',
      'change-pin',
      '--training',
      'can-needed',
      '--can',
      '654321',
      '--pin',
      '123456',
      '--new-pin',
      '246810',
      '--json',
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ code: 'pin-changed', training: true });
    expect(result.code).toBe(0);
  });

  it('ends with pin-blocked when the PUK is needed and not given', async () => {
    const result = await sidbox('eid', 'change-pin', '--training', 'puk-needed', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({
      code: 'pin-blocked',
      training: true,
      ok: false,
    });
    expect(result.code).toBe(1);
  });

  it('authenticates at a provider and hands on its refresh address', async () => {
    const result = await sidbox(
      'eid',
      'auth',
      `${providerUrl}/tctoken`,
      '--training',
      'normal',
      '--pin',
      '123456',
      '--json',
    );
    const outcome = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({ code: 'auth-success', training: true });
    expect(new URL(outcome.url).searchParams.get('ResultMajor')).toBe('ok');
    expect(result.code).toBe(0);
  });
});

describe('bad arguments: one line, exit 2, no secret echoed', () => {
  it.each([
    [
      ['eid', 'change-pin', '--training', 'normal', '--pin', '98a76'],
      '--pin must be 5 or 6 digits',
      '98a76',
    ],
    [
      ['eid', 'change-pin', '--training', 'normal', '--new-pin', '4711'],
      '--new-pin must be 6 digits',
      '4711',
    ],
    [
      ['eid', 'auth', 'https://x.example/t', '--training', 'normal', '--puk', '31415'],
      '--puk must be 10 digits',
      '31415',
    ],
    [['eid', 'change-pin', '--training', 'no-such-card'], 'unknown training scenario', undefined],
    [
      ['eid', 'change-pin', '--training', 'normal', '--reader', 'Simulator'],
      'either --reader or --training',
      undefined,
    ],
    [['eid', 'auth', 'not a url', '--training', 'normal'], 'must be an http(s) URL', undefined],
    [['eid', 'change-pin', '--timeout', 'soon'], '--timeout must be', undefined],
    [['eid', 'frobnicate'], 'unknown command', undefined],
    [['eid', 'info', '--colour'], 'unknown option', undefined],
  ])('%j', async (args, message, secret) => {
    const result = await sidbox(...args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    if (secret) expect(result.stderr).not.toContain(secret);
  });
});

import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { alive, processTree } from './helpers/demo.js';

// `sidbox demo` as `npm run demo` runs it (built CLI, headless here): hub and training terminal
// together, then SIGTERM stops everything and no child process survives.

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const run = promisify(execFile);

let runtimeDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  runtimeDir = await mkdtemp(join(tmpdir(), 'sidbox-demo-test-'));
  // Own control socket directory, and no display: the kiosk runs headless.
  env = { ...process.env, XDG_RUNTIME_DIR: runtimeDir, SIDBOX_LOG_LEVEL: 'warn' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
});

afterAll(async () => {
  await rm(runtimeDir, { recursive: true, force: true });
});

/** Resolves with all stdout once `marker` has been printed; rejects if the process exits first. */
function printed(child: ReturnType<typeof spawn>, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      if (text.includes(marker)) {
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
        resolve(text);
      }
    };
    const onExit = (code: number | null): void =>
      reject(new Error(`demo exited (${code}) before printing "${marker}":\n${text}`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** GET from the demo's eID-Server, whose test certificate nothing here trusts. */
function selfSignedGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

it('starts hub and training terminal, answers, and stops cleanly on SIGTERM', async () => {
  const demo = spawn(process.execPath, [main, 'demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  demo.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
  try {
    const output = await printed(demo, 'Ctrl+C stops everything');
    const adminUrl = /Hub admin UI:\s+(\S+)/.exec(output)?.[1];
    expect(adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(output).toContain('demo login:');
    expect(output).toContain('npm run sidbox -- ctl status --json');
    expect(output).toMatch(/kiosk UI:\s+http:\/\/127\.0\.0\.1:\d+\//);

    expect((await fetch(`${adminUrl}healthz`)).status).toBe(200);
    // The city's own eID apps: configured in the demo hub, served by the demo's eID-Server.
    const eidOrigin = /eID-Server \(test PKI\):\s+(\S+)/.exec(output)?.[1] ?? '';
    const libraryCard = await selfSignedGet(`${eidOrigin}/apps/bibliotheksausweis?lang=de`);
    expect(libraryCard).toContain('Bibliotheksausweis beantragen');
    // "Mit dem Personalausweis anmelden": the printed issuer answers its discovery document.
    const issuer = /OIDC issuer:\s+(\S+)/.exec(output)?.[1] ?? '';
    expect(issuer).toBe(`${eidOrigin}/oidc`);
    expect(output).toContain('client id stadtportal-demo');
    expect(output).toContain('Ihr Smartphone einrichten');
    const discovery = JSON.parse(
      await selfSignedGet(`${issuer}/.well-known/openid-configuration`),
    ) as { issuer: string };
    expect(discovery.issuer).toBe(issuer);
    const { stdout } = await run(process.execPath, [main, 'ctl', 'status', '--json'], { env });
    expect(JSON.parse(stdout)).toMatchObject({ state: 'idle', training: true });

    const tree = processTree(demo.pid as number);
    expect(tree.some((p) => /chrom/i.test(p.name))).toBe(true);
    demo.kill('SIGTERM');
    expect(await exited).toBe(0);
    const survivors = tree.filter((p) => alive(p.pid));
    expect(survivors, stderr).toEqual([]);
  } finally {
    if (demo.exitCode === null) demo.kill('SIGKILL');
  }
}, 90_000);

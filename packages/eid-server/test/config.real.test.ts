import { execFile, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConfigError } from '@sidbox/protocol/config-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadEidServerConfig } from '../src/config/load.js';
import { SELF_CHECK_SERVICE, writeTestSetup, type TestSetup } from '../src/pki/test-setup.js';
import { freePort } from './helpers/eid-server.js';
import { httpsRequest } from './helpers/https-client.js';

/**
 * The eID-Server's YAML configuration: a written test setup loads; a broken one gives one
 * ConfigError naming every problem by its dotted path; `sidbox eid-server` prints that list and
 * exits 2, and runs a `test-pki` setup until SIGTERM.
 */
let dir: string;
let setup: TestSetup;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-eid-config-'));
  setup = await writeTestSetup(dir, { host: 'localhost', port: 4443 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function problemsOf(config: unknown): Promise<{ path: string; message: string }[]> {
  const file = join(dir, `broken-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, stringify(config));
  const error = await loadEidServerConfig(file).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return [...(error as ConfigError).problems];
}

async function testConfig(): Promise<Record<string, unknown>> {
  return parse(await readFile(setup.configFile, 'utf8')) as Record<string, unknown>;
}

describe('loadEidServerConfig', () => {
  it('loads a written test setup: TLS, trust, the self-check service with its key and chain', async () => {
    const loaded = await loadEidServerConfig(setup.configFile);
    expect(loaded.config.publicOrigin).toBe('https://localhost:4443');
    expect(loaded.config.sessions).toEqual({
      ttlSeconds: 600,
      resultTtlSeconds: 300,
      maxOpen: 10_000,
    });
    expect(loaded.tls.key).toContain('-----BEGIN PRIVATE KEY-----');
    expect(loaded.tls.certificate).toBe(setup.pki.tls.certPem);
    expect(loaded.trust.certificates).toHaveLength(1);
    const service = loaded.services.get(SELF_CHECK_SERVICE);
    expect(service?.apiKey?.toString()).toBe(setup.apiKey);
    expect(service?.subjectOrigin).toBe('https://localhost:4443');
    expect(service?.credentials.certificates).toEqual([
      setup.pki.dvCertificate,
      setup.pki.atCertificate,
    ]);
    expect(service?.credentials.atPrivateKey).toHaveLength(32);
    expect(service?.credentials.sectorPrivateKey).toHaveLength(32);
  });

  it('lists every problem of the schema at once, by dotted path', async () => {
    const config = await testConfig();
    const [service] = config.services as Record<string, unknown>[];
    const terminal = service?.terminal as Record<string, unknown>;
    const problems = await problemsOf({
      ...config,
      publicOrigin: 'http://localhost:4443',
      bogus: true,
      listen: { host: '127.0.0.1', port: 70_000 },
      sessions: { ttlSeconds: 5 },
      selfCheck: { service: 'nobody' },
      services: [
        { ...service, terminal: { ...terminal, privateKey: 'missing.pem', extra: 1 } },
        { ...service, name: 'Twin', apiKeyFile: 'missing.key' },
        { ...service, id: 'Bad Id' },
      ],
    });
    const paths = problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'publicOrigin',
        '',
        'listen.port',
        'sessions.ttlSeconds',
        'selfCheck.service',
        'services.0.terminal',
        'services.1.id',
        'services.2.id',
      ]),
    );
    expect(problems).toContainEqual({ path: 'services.1.id', message: '"self-check" twice' });
    expect(problems).toContainEqual({ path: 'selfCheck.service', message: 'no such service' });
    expect(problems.find((p) => p.path === '')?.message).toMatch(/bogus/);
    expect(problems.find((p) => p.path === 'services.0.terminal')?.message).toMatch(/extra/);
  });

  it('lists every file problem at once: missing files, keys that are not brainpool', async () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    await writeFile(join(dir, 'p256.key.pem'), p256);
    await writeFile(join(dir, 'garbage.pem'), 'not a key');
    const config = await testConfig();
    const [service] = config.services as Record<string, unknown>[];
    const terminal = service?.terminal as Record<string, unknown>;
    const problems = await problemsOf({
      ...config,
      tls: { key: 'tls.key.pem', certificate: 'no-such-cert.pem' },
      trust: { certificates: ['simulator-csca.der', 'no-such-csca.der'] },
      services: [
        {
          ...service,
          apiKeyFile: 'no-such.key',
          terminal: {
            certificates: ['terminal/dv.cvc', 'no-such-at.cvc'],
            privateKey: 'tls.key.pem',
            certificateDescription: 'terminal/dv.cvc',
            sectorPrivateKey: 'p256.key.pem',
          },
        },
        {
          ...service,
          id: 'second',
          terminal: { ...terminal, privateKey: 'garbage.pem' },
        },
      ],
    });
    expect(problems.map((problem) => problem.path).sort()).toEqual(
      [
        'tls.certificate',
        'trust.certificates.1',
        'services.0.apiKeyFile',
        'services.0.terminal.certificates.1',
        'services.0.terminal.privateKey',
        'services.0.terminal.certificateDescription',
        'services.0.terminal.sectorPrivateKey',
        'services.1.terminal.privateKey',
      ].sort(),
    );
    expect(problems).toContainEqual({
      path: 'tls.certificate',
      message: 'no-such-cert.pem: ENOENT',
    });
    expect(problems).toContainEqual({
      path: 'services.0.terminal.sectorPrivateKey',
      message: 'p256.key.pem: not a brainpoolP256r1 private key (PKCS#8 PEM)',
    });
    for (const problem of problems) {
      expect(problem.message).not.toContain('PRIVATE KEY');
      expect(problem.message).not.toContain(setup.apiKey);
    }
  });

  it('names an unreadable or non-YAML file', async () => {
    await expect(loadEidServerConfig(join(dir, 'absent.yaml'))).rejects.toMatchObject({
      code: 'config-unreadable',
    });
    await writeFile(join(dir, 'not.yaml'), 'services: [\n');
    await expect(loadEidServerConfig(join(dir, 'not.yaml'))).rejects.toMatchObject({
      code: 'config-not-yaml',
    });
  });
});

/** The `sidbox` command from source, as an operator runs it (no build needed). */
const cliMain = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));
const cliArgs = ['--conditions=@sidbox/source', '--import', 'tsx', cliMain];

async function sidbox(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...cliArgs, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('sidbox eid-server', () => {
  it('exits 2 with every problem of a bad configuration, one per line', async () => {
    const bad = join(dir, 'bad.yaml');
    const config = await testConfig();
    const [service] = config.services as Record<string, unknown>[];
    await writeFile(
      bad,
      stringify({
        ...config,
        publicOrigin: 'ftp://localhost',
        unknown: 1,
        selfCheck: { service: 'nobody' },
        services: [service, service],
      }),
    );
    const result = await sidbox('eid-server', '--config', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('configuration has problems');
    for (const line of [
      /^publicOrigin: /m,
      /^\(root\): Unrecognized key: "unknown"/m,
      /^services\.1\.id: "self-check" twice/m,
      /^selfCheck\.service: no such service/m,
    ]) {
      expect(result.stderr).toMatch(line);
    }
    expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
  }, 30_000);

  it('writes a test-pki setup that it then serves until SIGTERM', async () => {
    const out = join(dir, 'cli-setup');
    const port = await freePort();
    const written = await sidbox('eid-server', 'test-pki', '--out', out, '--port', String(port));
    expect(written.code).toBe(0);
    const server = spawn(
      process.execPath,
      [...cliArgs, 'eid-server', '--config', join(out, 'eid-server.yaml')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    let stdout = '';
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('listening at')) resolve();
      });
      void exited.then((code) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
    });
    const health = await httpsRequest(`https://localhost:${port}/healthz`, {
      ca: await readFile(join(out, 'tls.cert.pem'), 'utf8'),
    });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', openSessions: 0 });
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});

import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { newKekText } from '@sidbox/hub';

// The built `sidbox hub` as an operator starts it: real processes, a real SQLite file. The
// flags' finer rules are in hub-kek-flags.test.ts (in-process: each process here costs seconds).
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'sidbox-hub-kek-'));
const data = join(dir, 'data');
const noKekEnv = { ...process.env, SIDBOX_HUB_KEK: '', SIDBOX_HUB_PREVIOUS_KEK: '' };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `sidbox hub` that is expected to refuse: its exit code and stderr. */
async function refusedHub(args: string[]) {
  try {
    await run(process.execPath, [main, 'hub', '--port', '0', '--data', data, ...args], {
      env: noKekEnv,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

/** Starts the hub and waits for its ready line (or its early exit, with stderr); then stops it. */
async function startsAndStops(args: string[], env = noKekEnv): Promise<string> {
  const hub = spawn(process.execPath, [main, 'hub', '--port', '0', '--data', data, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  hub.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise((resolve) => hub.on('exit', resolve));
  const ready = await new Promise<string>((resolve, reject) => {
    hub.stdout.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      const line = /SIDbox hub: admin UI at \S+/.exec(stdout);
      if (line) resolve(line[0]);
    });
    hub.on('exit', (code, signal) => reject(new Error(`hub ended (${code ?? signal}): ${stderr}`)));
  });
  hub.kill('SIGTERM');
  await exited;
  return ready;
}

/** Exactly one line on stderr, no stack trace. */
const oneLine = (stderr: string) => {
  expect(stderr).toMatch(/^sidbox: [^\n]+\n$/);
  return stderr;
};

describe('sidbox hub and its key-encryption key', () => {
  const kek = join(dir, 'hub.kek');

  it('refuses to start without a KEK: one line, exit 2, no database created', async () => {
    const result = await refusedHub([]);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toContain('--key-encryption-key-file');
    expect(() => statSync(data)).toThrow();
  });

  it('starts with a generated KEK; a wrong one is refused in one line, exit 2', async () => {
    await run(process.execPath, [main, 'hub', 'generate-kek', kek]);
    expect(statSync(kek).mode & 0o777).toBe(0o600);
    expect(await startsAndStops(['--key-encryption-key-file', kek])).toContain('admin UI at');

    const other = join(dir, 'other.kek');
    writeFileSync(other, newKekText(), { mode: 0o600 });
    const wrong = await refusedHub(['--key-encryption-key-file', other]);
    expect(wrong.code).toBe(2);
    expect(oneLine(wrong.stderr)).toContain('does not open the signing keys');
  });

  it('rotates the KEK: the new one with the previous re-seals; then the old one no longer opens', async () => {
    const newKek = newKekText().trim();
    // The new KEK from the environment, the previous one from its file.
    const rotated = await startsAndStops(['--previous-key-encryption-key-file', kek], {
      ...noKekEnv,
      SIDBOX_HUB_KEK: newKek,
    });
    expect(rotated).toContain('admin UI at');
    const old = await refusedHub(['--key-encryption-key-file', kek]);
    expect(old.code).toBe(2);
    expect(oneLine(old.stderr)).toContain('does not open the signing keys');
    expect(readFileSync(join(data, 'hub.sqlite')).includes(Buffer.from('"sealed":"A256GCM"'))).toBe(
      true,
    );
  });
});

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Secret } from '@sidbox/runtime';
import { LocalTerminalConfig } from '@sidbox/protocol';
import { parseStaffPinHash, verifyStaffPin } from '../../terminal/src/daemon/staff-pin-hash.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Runs the built `sidbox` with `stdin` piped in, as an operator would. */
function sidbox(stdin: string, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [main, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('sidbox staff-pin-hash', () => {
  it('prints a staff.pinHash for the PIN on stdin that the terminal accepts and verifies', async () => {
    const result = await sidbox('73914682\n', 'staff-pin-hash');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const pinHash = result.stdout.trim();
    expect(pinHash).toMatch(/^\$argon2id\$/);
    expect(result.stdout).not.toContain('73914682');
    const config = LocalTerminalConfig.parse({ branding: { memberName: 'T' }, staff: { pinHash } });
    const hash = parseStaffPinHash(config.staff?.pinHash ?? '');
    expect(await verifyStaffPin(Secret.digits('73914682'), hash)).toBe(true);
  });

  it('refuses PINs that are not 6 to 12 digits, and a PIN in argv, in one line without echo', async () => {
    const cases = [
      ['12345\n', []],
      ['1234567890123\n', []],
      ['12ab5678\n', []],
      ['', []],
      ['', ['73914682']],
    ] as const;
    const results = await Promise.all(
      cases.map(([stdin, args]) => sidbox(stdin, 'staff-pin-hash', ...args)),
    );
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/12345|1234567890123|12ab5678|73914682/);
    }
  });
});

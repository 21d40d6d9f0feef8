import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTerminalConfig } from '@sidbox/protocol';
import { sendControlRequest } from '../src/control/client.js';
import { TerminalDaemon } from '../src/daemon/terminal-daemon.js';
import { FakeKioskBrowser } from './helpers/daemon-fake-browser.js';

// The control socket through the built CLI (`npx tsc -b` first), against a daemon with the FAKE
// KioskBrowser and the training card.

const cli = fileURLToPath(new URL('../../cli/dist/main.js', import.meta.url));
const run = promisify(execFile);

let dir: string;
let socket: string;
let daemon: TerminalDaemon;
let browser: FakeKioskBrowser;

async function sidbox(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-control-'));
  socket = join(dir, 'run', 'ctl.sock');
  browser = new FakeKioskBrowser();
  daemon = new TerminalDaemon({
    config: LocalTerminalConfig.parse({
      branding: { memberName: 'Test' },
      services: [
        {
          id: 'demo',
          title: { de: 'Demo' },
          description: { de: 'Demo' },
          startUrl: 'https://service.example/start',
        },
      ],
    }),
    training: true,
    ctlSocketPath: socket,
    browser,
    kioskUiDir: dir,
  });
  await daemon.start();
});

afterAll(async () => {
  await daemon.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('control socket and sidbox ctl', () => {
  it('the socket is private: mode 0600 in a 0700 directory', async () => {
    expect((await stat(socket)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'run'))).mode & 0o777).toBe(0o700);
  });

  it('status --json prints the documented shape', async () => {
    const { code, stdout } = await sidbox('ctl', 'status', '--json', '--ctl-socket', socket);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      state: 'idle',
      sessionId: null,
      since: expect.any(String),
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/#k=/),
      eid: { workflow: null, step: null },
      training: true,
      blockedNavigations: 0,
      browser: { policyEnforced: true },
      devices: { matFallback: false, readerMissing: false, staffMenuRequested: false },
    });
    const human = await sidbox('ctl', 'status', '--ctl-socket', socket);
    expect(human.stdout).not.toContain('browser:');
  });

  it('devices --json prints every device with its state (the heartbeat summary)', async () => {
    // A second daemon with devices that are not there: a mat node that does not exist and a
    // printer on a CUPS server that does not run. Both are states, not start failures.
    const devicesSocket = join(dir, 'run', 'devices.sock');
    const withDevices = new TerminalDaemon({
      config: LocalTerminalConfig.parse({
        branding: { memberName: 'Test' },
        devices: {
          inputs: [
            { name: 'mat-controller', path: join(dir, 'no-such-event'), keys: { presence: 183 } },
          ],
          printer: { queue: 'buergerterminal' },
        },
      }),
      training: true,
      ctlSocketPath: devicesSocket,
      browser: Object.assign(new FakeKioskBrowser(), { policyEnforced: false }),
      kioskUiDir: dir,
      devices: { cupsServer: join(dir, 'no-cups.sock') },
    });
    try {
      const fallback = new Promise<void>((resolve) => {
        const off = withDevices.devices.on('changed', () => {
          if (!withDevices.devices.matFallback) return;
          off();
          resolve();
        });
      });
      await withDevices.start();
      await fallback;
      const { code, stdout } = await sidbox(
        'ctl',
        'devices',
        '--json',
        '--ctl-socket',
        devicesSocket,
      );
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({
        healthy: false,
        matFallback: true,
        devices: [
          {
            device: 'mat-controller',
            kind: 'input',
            status: 'missing',
            detail: { path: join(dir, 'no-such-event'), grab: 'off' },
          },
          {
            device: 'printer',
            kind: 'printer',
            status: 'missing',
            // lpstat cannot tell a dead server from an unknown queue: both read as missing.
            detail: {
              queue: 'buergerterminal',
              problem: 'printer-missing',
              messageKey: 'print.printerMissing',
            },
          },
        ],
      });
      const human = await sidbox('ctl', 'devices', '--ctl-socket', devicesSocket);
      expect(human.stdout).toContain('contact mat missing: sessions end by idle timeout only');
      const status = await sidbox('ctl', 'status', '--ctl-socket', devicesSocket);
      expect(status.stdout).toContain('mat:      unplugged, idle timeout only');
      // Staff see when Chromium runs without the managed policy.
      expect(status.stdout).toContain('browser:  no managed policy, request interception only');
      // The heartbeat carries the same summary.
      expect(withDevices.devices.summary()).toEqual(JSON.parse(stdout));
    } finally {
      await withDevices.stop();
    }
  });

  it('devices --json without configured devices is an empty, healthy list', async () => {
    const { code, stdout } = await sidbox('ctl', 'devices', '--json', '--ctl-socket', socket);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ healthy: true, matFallback: false, devices: [] });
  });

  it('session start, open, input and session end drive the daemon', async () => {
    expect((await sidbox('ctl', 'session', 'start', '--ctl-socket', socket)).stdout).toBe(
      'active\n',
    );
    expect(daemon.status().sessionId).toEqual(expect.any(String));
    expect((await sidbox('ctl', 'open', 'demo', '--ctl-socket', socket)).stdout).toBe(
      'https://service.example/start\n',
    );
    expect((await sidbox('ctl', 'input', 'activity', '--ctl-socket', socket)).stdout).toBe(
      'active\n',
    );
    const ready = new Promise((resolve) => daemon.session.on('attract-ready', resolve));
    expect((await sidbox('ctl', 'session', 'end', '--ctl-socket', socket)).code).toBe(0);
    await ready;
    expect(daemon.status()).toMatchObject({ state: 'idle', sessionId: null });
  });

  it('screenshot writes the PNG', async () => {
    const file = join(dir, 'shot.png');
    expect((await sidbox('ctl', 'screenshot', file, '--ctl-socket', socket)).code).toBe(0);
    expect((await readFile(file)).subarray(0, 4).toString('hex')).toBe('89504e47');
  });

  it('an unknown service is an error reply with a stable code, exit 1', async () => {
    const result = await sidbox('ctl', 'open', 'nope', '--ctl-socket', socket);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('sidbox: unknown-service: no service "nope"\n');
  });

  it('bad arguments: one line, exit 2', async () => {
    for (const args of [
      ['input', 'jump'],
      ['session', 'pause'],
      ['open', 'Not A Slug'],
      ['frobnicate'],
    ]) {
      const result = await sidbox('ctl', ...args, '--ctl-socket', socket);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('daemon not running: one clear line, exit 1', async () => {
    const result = await sidbox('ctl', 'status', '--ctl-socket', join(dir, 'none.sock'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^sidbox: the terminal daemon is not running \(no socket at .*\)\n$/,
    );
  });

  it('malformed requests get a bad-request reply, and the connection stays usable', async () => {
    const reply = await sendControlRequest(socket, { cmd: 'open' } as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('a second daemon on the same socket is refused', async () => {
    const second = new TerminalDaemon({
      config: LocalTerminalConfig.parse({ branding: { memberName: 'T' } }),
      training: true,
      ctlSocketPath: socket,
      browser: new FakeKioskBrowser(),
      kioskUiDir: dir,
    });
    await expect(second.start()).rejects.toMatchObject({ code: 'not-now' });
    expect((await stat(socket)).isSocket()).toBe(true);
  });
});

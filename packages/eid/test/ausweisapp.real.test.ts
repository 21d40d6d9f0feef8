import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BadStateError, ChannelClosedError, UnknownCommandError } from '../src/sdk/errors.js';
import type { SdkMessage } from '../src/sdk/messages.js';
import { AusweisAppPortBusyError, SupervisorStoppedError } from '../src/supervisor/errors.js';
import {
  ausweisAppSupervisor,
  nextEvent,
  processExists,
  stopAllAusweisApps,
} from './helpers/ausweisapp.js';
import { freePort } from './helpers/free-port.js';

// Each test starts its own AusweisApp2 (port 0, private directory) against the Simulator reader.
afterEach(stopAllAusweisApps);

describe('real AusweisApp2 1.26.2', () => {
  it('starts headless, answers GET_INFO and speaks API level 2 with the Simulator reader', async () => {
    const supervisor = ausweisAppSupervisor();
    const client = await supervisor.start();
    const info = await client.getInfo();
    expect(info.VersionInfo).toMatchObject({
      Name: 'AusweisApp2',
      'Implementation-Version': '1.26.2',
    });
    expect(client.apiLevel).toBe(2);
    expect((await client.getApiLevel()).available).toEqual([1, 2]);
    expect((await client.getReaderList()).map((reader) => reader.name)).toContain('Simulator');
    expect(client.readers.get('Simulator')).toMatchObject({ attached: true, keypad: true });
    expect(supervisor.binary).toMatchObject({ name: 'AusweisApp2', version: '1.26.2' });
    // setpriv execs AusweisApp2: the pid we hold is AusweisApp2 itself.
    expect(readFileSync(`/proc/${supervisor.pid}/comm`, 'utf8').trim()).toBe('AusweisApp2');
  });

  it('changes the PIN on the Simulator card with keypad-style SET_PIN/SET_NEW_PIN', async () => {
    const client = await ausweisAppSupervisor().start();
    const seen: string[] = [];
    const finished = new Promise<SdkMessage>((resolve) =>
      client.onMessage((message) => {
        seen.push(message.msg);
        if (message.msg === 'INSERT_CARD') client.send({ cmd: 'SET_CARD', name: 'Simulator' });
        if (message.msg === 'ENTER_PIN') client.send({ cmd: 'SET_PIN' });
        if (message.msg === 'ENTER_NEW_PIN') client.send({ cmd: 'SET_NEW_PIN' });
        if (message.msg === 'CHANGE_PIN' && message.success !== undefined) resolve(message);
      }),
    );
    expect(await client.request({ cmd: 'RUN_CHANGE_PIN' }, 'CHANGE_PIN')).not.toHaveProperty(
      'success',
    );
    expect(await finished).toMatchObject({ msg: 'CHANGE_PIN', success: true });
    // 1.26.2 sometimes ends right after SET_CARD, without asking for the PINs (observed).
    const states = seen.filter((msg) => msg.startsWith('ENTER_') || msg === 'INSERT_CARD');
    expect([['INSERT_CARD', 'ENTER_PIN', 'ENTER_NEW_PIN'], ['INSERT_CARD']]).toContainEqual(states);
  });

  it('refuses commands with typed errors', async () => {
    const client = await ausweisAppSupervisor().start();
    await expect(client.request({ cmd: 'ACCEPT' }, 'ACCESS_RIGHTS')).rejects.toBeInstanceOf(
      BadStateError,
    );
    for (const cmd of ['INTERRUPT', 'CONTINUE'] as const) {
      await expect(client.request({ cmd }, 'STATUS')).rejects.toMatchObject({
        constructor: UnknownCommandError,
        code: 'UNKNOWN_COMMAND',
        command: cmd,
      });
    }
    // The connection is still fine afterwards.
    await expect(client.getStatus()).resolves.toMatchObject({ msg: 'STATUS', workflow: null });
  });

  it('notices kill -9, rejects what was pending, reports the crash and restarts', async () => {
    const supervisor = ausweisAppSupervisor({ backoff: { initialMs: 10 } });
    const client = await supervisor.start();
    const pid = supervisor.pid as number;
    const dir = supervisor.privateDir as string;
    const closed = new Promise((resolve) => client.onClose(resolve));
    const crashed = nextEvent(supervisor, 'crashed');
    const restarting = nextEvent(supervisor, 'restarting');
    const ready = nextEvent(supervisor, 'ready');

    // Frozen first, so the request is certainly still pending when the process dies.
    process.kill(pid, 'SIGSTOP');
    const pending = client.getInfo().catch((error: unknown) => error);
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');

    expect(await closed).toMatchObject({ expected: false });
    const error = await pending;
    expect(Date.now() - killedAt).toBeLessThan(2000);
    expect(error).toBeInstanceOf(ChannelClosedError);
    expect(error).toMatchObject({ expected: false, code: 'eid-client-crashed' });
    expect(await crashed).toEqual({ pid, code: null, signal: 'SIGKILL' });
    expect(await restarting).toEqual({ attempt: 1, delayMs: 10 });

    const { client: fresh, pid: newPid } = await ready;
    expect(newPid).not.toBe(pid);
    expect(supervisor.client).toBe(fresh);
    await expect(fresh.getInfo()).resolves.toMatchObject({ msg: 'INFO' });
    await expect(supervisor.whenReady()).resolves.toBe(fresh);
    expect(existsSync(dir)).toBe(false);
  });

  it('restart() gives a fresh process in a fresh private directory', async () => {
    const supervisor = ausweisAppSupervisor();
    const before = await supervisor.start();
    const [pid, dir] = [supervisor.pid as number, supervisor.privateDir as string];
    const closed = new Promise((resolve) => before.onClose(resolve));

    const after = await supervisor.restart();
    expect(after).not.toBe(before);
    expect(await closed).toMatchObject({ expected: true });
    expect(supervisor.pid).not.toBe(pid);
    expect(supervisor.privateDir).not.toBe(dir);
    expect(processExists(pid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    await expect(after.getInfo()).resolves.toMatchObject({ msg: 'INFO' });
  });

  it('stop() leaves no process and no directory behind, and is idempotent', async () => {
    const supervisor = ausweisAppSupervisor();
    await supervisor.start();
    const [pid, dir] = [supervisor.pid as number, supervisor.privateDir as string];
    const stopped = nextEvent(supervisor, 'stopped');
    await supervisor.stop();
    expect(await stopped).toEqual({ pid });
    expect(processExists(pid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    expect(supervisor.client).toBeUndefined();
    await supervisor.stop();
    await expect(supervisor.whenReady()).rejects.toBeInstanceOf(SupervisorStoppedError);
  });

  it('reads the port from the port file in its private TMPDIR, kiosk settings in place', async () => {
    const supervisor = ausweisAppSupervisor();
    await supervisor.start();
    const dir = supervisor.privateDir as string;
    const portFile = join(dir, 'tmp', `AusweisApp2.${supervisor.pid}.port`);
    expect(supervisor.url).toBe(`ws://127.0.0.1:${await readFile(portFile, 'utf8')}/eID-Kernel`);
    const settings = await readFile(
      join(dir, 'config', 'Unknown Organization', 'AusweisApp2.conf'),
      'utf8',
    );
    expect(settings).toMatch(/\[history\]\s*\nenable=false/);
  });

  it('fails with a typed error when a fixed port is taken', async () => {
    const port = await freePort();
    const first = ausweisAppSupervisor({ port });
    await first.start();
    expect(first.url).toBe(`ws://127.0.0.1:${port}/eID-Kernel`);
    const second = ausweisAppSupervisor({ port });
    const error = await second.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AusweisAppPortBusyError);
    expect(error).toMatchObject({ code: 'ausweisapp-port-busy', port });
  });

  it('serves /eID-Client?Status with the webservice plugin', async () => {
    const supervisor = ausweisAppSupervisor({ webservice: true });
    await supervisor.start();
    const base = (supervisor.url as string).replace('ws://', 'http://').replace('/eID-Kernel', '');
    const response = await fetch(`${base}/eID-Client?Status=json`);
    expect(await response.json()).toMatchObject({ 'Implementation-Version': '1.26.2' });
  });
});

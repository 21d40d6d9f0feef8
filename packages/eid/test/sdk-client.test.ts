import { describe, expect, it } from 'vitest';
import { UnparsableFrame } from '../src/sdk/channel.js';
import { SdkClient } from '../src/sdk/client.js';
import {
  ApiLevelError,
  BadStateError,
  ChannelClosedError,
  InvalidMessageError,
  ProtocolViolationError,
  SdkError,
  SdkInternalError,
  SdkTimeoutError,
  UnknownCommandError,
} from '../src/sdk/errors.js';
import type { SdkMessage } from '../src/sdk/messages.js';
import { Secret } from '@sidbox/runtime';
import { FakeChannel } from './helpers/fake-channel.js';
import { captureLogs } from './helpers/log-capture.js';

const info = {
  msg: 'INFO',
  VersionInfo: {
    Name: 'AusweisApp2',
    'Implementation-Title': 'AusweisApp2',
    'Implementation-Vendor': '',
    'Implementation-Version': '1.26.2',
    'Specification-Title': 'TR-03124',
    'Specification-Vendor': 'Federal Office for Information Security',
    'Specification-Version': '1.3',
  },
};
const simulator = { name: 'Simulator', attached: true, insertable: true, keypad: true, card: null };

function setup(options: { requestTimeoutMs?: number } = {}) {
  const channel = new FakeChannel();
  const client = new SdkClient(channel, options);
  return { channel, client };
}

describe('SdkClient requests', () => {
  it('tags each request with a unique id and resolves with the reply that echoes it', async () => {
    const { channel, client } = setup();
    const first = client.request({ cmd: 'GET_INFO' }, 'INFO');
    const second = client.request({ cmd: 'GET_API_LEVEL' }, 'API_LEVEL');
    const [a, b] = channel.sent.map((command) => command.request);
    expect(a).toBeDefined();
    expect(a).not.toEqual(b);

    // Answers in reverse order, with an unrelated event in between.
    channel.receive({ msg: 'API_LEVEL', available: [1, 2], current: 2, request: b });
    channel.receive({ msg: 'READER', ...simulator });
    channel.receive({ ...info, request: a });

    expect((await first).VersionInfo['Implementation-Version']).toBe('1.26.2');
    expect((await second).current).toBe(2);
  });

  it('delivers every validated message to onMessage in order, replies included', async () => {
    const { channel, client } = setup();
    const seen: string[] = [];
    client.onMessage((message) => seen.push(message.msg));
    channel.respond = () => [info];
    channel.receive({ msg: 'READER', ...simulator });
    await client.getInfo();
    channel.receive({ msg: 'INSERT_CARD' });
    expect(seen).toEqual(['READER', 'INFO', 'INSERT_CARD']);
  });

  it.each([
    ['BAD_STATE', BadStateError],
    ['INVALID', InvalidMessageError],
    ['UNKNOWN_COMMAND', UnknownCommandError],
    ['INTERNAL_ERROR', SdkInternalError],
  ] as const)('rejects with a typed error for %s', async (msg, type) => {
    const { channel, client } = setup();
    channel.respond = (command) => [{ msg, error: command.cmd }];
    const error = await client.request({ cmd: 'ACCEPT' }, 'INFO').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(SdkError);
    expect(error).toMatchObject({
      code: msg,
      command: 'ACCEPT',
      messageKey: 'eid.outcome.eid-error',
    });
  });

  it('never puts a PIN into an error', async () => {
    const { channel, client } = setup();
    channel.respond = () => [{ msg: 'BAD_STATE', error: 'SET_PIN' }];
    const error = await client
      .request({ cmd: 'SET_PIN', value: Secret.digits('918273') }, 'ENTER_PIN')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadStateError);
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain('918273');
  });

  it('rejects with SdkTimeoutError when no reply comes in time', async () => {
    const { client } = setup({ requestTimeoutMs: 10_000 });
    const error = await client.request({ cmd: 'GET_STATUS' }, 'STATUS', 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkTimeoutError);
    expect(error).toMatchObject({ code: 'timeout', command: 'GET_STATUS', timeoutMs: 5 });
  });

  it('rejects a reply of the wrong kind as a protocol violation', async () => {
    const { channel, client } = setup();
    channel.respond = () => [{ msg: 'INSERT_CARD' }];
    await expect(client.request({ cmd: 'GET_INFO' }, 'INFO')).rejects.toBeInstanceOf(
      ProtocolViolationError,
    );
  });

  it('settles a workflow start with the untagged start message 1.26.2 sends', async () => {
    const { channel, client } = setup();
    const started = client.request({ cmd: 'RUN_CHANGE_PIN' }, 'CHANGE_PIN');
    channel.receive({ msg: 'READER', ...simulator });
    channel.receive({ msg: 'CHANGE_PIN' });
    expect(await started).toEqual({ msg: 'CHANGE_PIN' });
  });

  it('sends fire-and-forget commands untagged', () => {
    const { channel, client } = setup();
    client.send({ cmd: 'CANCEL' });
    expect(channel.sent).toEqual([{ cmd: 'CANCEL' }]);
  });
});

describe('SdkClient validation', () => {
  it('turns a frame that fails validation into a ProtocolViolationError without its content', async () => {
    const { channel, client } = setup();
    const errors: SdkError[] = [];
    client.onError((error) => errors.push(error));
    const pending = client.request({ cmd: 'GET_INFO' }, 'INFO').catch((e: unknown) => e);
    channel.receive({
      msg: 'INFO',
      VersionInfo: { Name: 'secret-123456' },
      request: channel.lastRequest(),
    });

    const error = await pending;
    expect(error).toBeInstanceOf(ProtocolViolationError);
    expect((error as ProtocolViolationError).msg).toBe('INFO');
    expect((error as ProtocolViolationError).issuePaths).toContain(
      'VersionInfo.Implementation-Title',
    );
    expect((error as Error).message).not.toContain('123456');
    expect(errors).toEqual([error]);
  });

  it('reports unknown messages and unparsable frames, and keeps going', async () => {
    const { channel, client } = setup();
    const errors: SdkError[] = [];
    client.onError((error) => errors.push(error));
    channel.receive({ msg: 'FROM_THE_FUTURE' });
    channel.receive(new UnparsableFrame(17));
    channel.receive('just a string');
    expect(errors.map((e) => e.code)).toEqual([
      'protocol-violation',
      'protocol-violation',
      'protocol-violation',
    ]);
    channel.respond = () => [info];
    await expect(client.getInfo()).resolves.toMatchObject({ msg: 'INFO' });
  });

  it('delivers level 3 PAUSE as a message and parses an unknown card as {}', () => {
    const { channel, client } = setup();
    const seen: SdkMessage[] = [];
    client.onMessage((message) => seen.push(message));
    channel.receive({ msg: 'PAUSE', cause: 'BadCardPosition' });
    channel.receive({ msg: 'READER', ...simulator, card: {} });
    expect(seen.map((m) => m.msg)).toEqual(['PAUSE', 'READER']);
    expect(client.readers.get('Simulator')?.card).toEqual({});
  });
});

describe('SdkClient closing', () => {
  it('rejects pending requests with an unexpected ChannelClosedError when AusweisApp dies', async () => {
    const { channel, client } = setup();
    const closes: boolean[] = [];
    client.onClose(({ expected }) => closes.push(expected));
    const pending = client.request({ cmd: 'GET_INFO' }, 'INFO').catch((e: unknown) => e);
    channel.die();
    const error = await pending;
    expect(error).toBeInstanceOf(ChannelClosedError);
    expect(error).toMatchObject({
      expected: false,
      code: 'eid-client-crashed',
      messageKey: 'eid.outcome.eid-client-crashed',
    });
    expect(closes).toEqual([false]);
    expect(client.closed).toBe(true);
    expect(() => client.send({ cmd: 'CANCEL' })).toThrow(ChannelClosedError);
  });

  it('reports an expected close after close()', async () => {
    const { client } = setup();
    const pending = client.request({ cmd: 'GET_INFO' }, 'INFO').catch((e: unknown) => e);
    client.close();
    expect(await pending).toMatchObject({ expected: true, code: 'channel-closed' });
    await expect(client.getInfo()).rejects.toBeInstanceOf(ChannelClosedError);
    const late = await new Promise((resolve) => client.onClose(resolve));
    expect(late).toMatchObject({ expected: true });
  });
});

describe('SdkClient readers and streams', () => {
  it('keeps the readers map from READER events and READER_LIST replies', async () => {
    const { channel, client } = setup();
    const events: string[] = [];
    client.onReader((reader) => events.push(`${reader.name}:${reader.attached}`));
    channel.receive({ msg: 'READER', ...simulator });
    channel.receive({
      msg: 'READER',
      name: 'cyberJack',
      attached: true,
      keypad: false,
      card: null,
    });
    expect([...client.readers.keys()]).toEqual(['Simulator', 'cyberJack']);
    expect(client.readers.get('Simulator')).toEqual(simulator);

    channel.receive({ msg: 'READER', name: 'cyberJack', attached: false });
    expect([...client.readers.keys()]).toEqual(['Simulator']);
    expect(events).toEqual(['Simulator:true', 'cyberJack:true', 'cyberJack:false']);

    channel.respond = () => [{ msg: 'READER_LIST', readers: [{ ...simulator, name: 'Other' }] }];
    expect((await client.getReaderList()).map((r) => r.name)).toEqual(['Other']);
    expect([...client.readers.keys()]).toEqual(['Other']);
  });

  it('understands the level 1 `reader` key of READER_LIST', async () => {
    const { channel, client } = setup();
    channel.respond = () => [{ msg: 'READER_LIST', reader: [simulator] }];
    expect(await client.getReaderList()).toEqual([simulator]);
    expect(client.readers.has('Simulator')).toBe(true);
  });

  it('answers GET_READER with the reader object alone', async () => {
    const { channel, client } = setup();
    channel.respond = (command) => [
      { msg: 'READER', name: (command as { name: string }).name, attached: false },
    ];
    expect(await client.getReader('nope')).toEqual({ name: 'nope', attached: false });
  });

  it('streams STATUS messages', () => {
    const { channel, client } = setup();
    const progress: (number | null)[] = [];
    client.onStatus((status) => progress.push(status.progress));
    channel.receive({ msg: 'STATUS', workflow: 'AUTH', progress: 10, state: null });
    channel.receive({ msg: 'STATUS', workflow: null, progress: null, state: null });
    expect(progress).toEqual([10, null]);
  });

  it('logs a listener that throws and still serves the others', () => {
    const { logger, lines } = captureLogs();
    const channel = new FakeChannel();
    const client = new SdkClient(channel, { logger });
    const seen: string[] = [];
    client.onMessage(() => {
      throw new Error('listener bug');
    });
    client.onMessage((message) => seen.push(message.msg));
    channel.receive({ msg: 'INSERT_CARD' });
    expect(seen).toEqual(['INSERT_CARD']);
    expect(lines.some((line) => line.includes('listener bug'))).toBe(true);
  });
});

describe('SdkClient API level', () => {
  function peer(available: number[], current: number) {
    const { channel, client } = setup();
    channel.respond = (command) => {
      if (command.cmd === 'GET_API_LEVEL') return [{ msg: 'API_LEVEL', available, current }];
      if (command.cmd === 'SET_API_LEVEL') {
        if (available.includes(command.level))
          return [{ msg: 'API_LEVEL', available, current: command.level }];
        return [{ msg: 'API_LEVEL', available, current, error: 'Unknown level' }];
      }
      return [];
    };
    return { channel, client };
  }

  it('keeps level 2 on 1.26, which offers [1,2] and starts at 2', async () => {
    const { channel, client } = peer([1, 2], 2);
    expect(await client.negotiateApiLevel()).toBe(2);
    expect(channel.sent.map((c) => c.cmd)).toEqual(['GET_API_LEVEL']);
    expect(client.apiLevel).toBe(2);
  });

  it('chooses level 3 when offered', async () => {
    const { channel, client } = peer([1, 2, 3], 2);
    expect(await client.negotiateApiLevel()).toBe(3);
    expect(channel.sent.at(-1)).toMatchObject({ cmd: 'SET_API_LEVEL', level: 3 });
    expect(client.apiLevel).toBe(3);
  });

  it('fails when no common level exists, or a level is refused', async () => {
    await expect(peer([1], 1).client.negotiateApiLevel()).rejects.toBeInstanceOf(ApiLevelError);
    await expect(peer([1, 2], 2).client.setApiLevel(3)).rejects.toThrow(/Unknown level/);
  });
});

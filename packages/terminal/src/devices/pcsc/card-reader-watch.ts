import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { TypedEvents } from '@sidbox/runtime';
import type { DeviceState } from '../device-state.js';
import { whenPathAppears } from '../watch-path.js';
import {
  CMD_WAIT_READER_STATE_CHANGE,
  header,
  parseReaderStates,
  parseVersionReply,
  READER_STATES_SIZE,
  SIGNAL_SIZE,
  SUPPORTED_PROTOCOLS,
  VERSION_REPLY_SIZE,
  versionRequest,
  type ReaderSnapshot,
} from './pcscd-wire.js';
import { SocketReader } from './socket-reader.js';

/**
 * pcscd creates its socket file (bind) a moment before it listens: a connect in between is
 * refused. This many quick retries (50 ms, doubling: about 3 s in all) cover that moment.
 */
const REFUSED_RETRIES = 6;

export interface CardReaderWatchConfig {
  /** pcscd's socket; /run/pcscd/pcscd.comm on Debian. */
  socketPath: string;
}

export interface CardReaderWatchEvents {
  'reader-attached': { reader: string };
  'reader-detached': { reader: string };
  'card-inserted': { reader: string; atr: string };
  'card-removed': { reader: string };
  /** pcscd is gone or speaks a protocol we do not decode: no reader can be seen. */
  'service-lost': { reason: 'no-service' | 'protocol-mismatch'; detail: string };
}

/**
 * Watches readers and cards straight from pcscd, so a non-eID card or a card left behind after
 * the session is seen even when AusweisApp ignores it. It speaks pcscd's socket protocol itself:
 * no native addon, no extra package, no scraping of a CLI's human-readable output, and pcscd
 * pushes every change (no polling). The cost: the protocol is pcsc-lite-internal, so the version
 * handshake is checked and a mismatch is a typed 'protocol-mismatch', never a misread table.
 */
export class CardReaderWatch extends TypedEvents<CardReaderWatchEvents> {
  #socket: Socket | undefined;
  #stopWatching: (() => void) | undefined;
  #readers = new Map<string, ReaderSnapshot>();
  #status: DeviceState['status'] = 'starting';
  #problem = '';
  #running = false;
  #refusals = 0;
  #retry: NodeJS.Timeout | undefined;
  #lostDetail = '';

  constructor(
    private readonly config: CardReaderWatchConfig,
    onListenerError: (error: unknown) => void,
  ) {
    super(onListenerError);
  }

  start(): void {
    this.#running = true;
    this.#connect();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stopWatching?.();
    clearTimeout(this.#retry);
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket && !socket.destroyed) {
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.destroy();
      await closed;
    }
  }

  /** For the session-end reminder: is any card still in a reader? */
  cardPresent(): boolean {
    return [...this.#readers.values()].some((reader) => reader.cardPresent);
  }

  state(): DeviceState {
    const readers = [...this.#readers.values()];
    const status = this.#status === 'ok' && readers.length === 0 ? 'missing' : this.#status;
    return {
      device: 'card-reader',
      kind: 'card-reader',
      status,
      detail: {
        readers: readers.map((r) => r.name),
        cardPresent: this.cardPresent(),
        ...(this.#problem && { problem: this.#problem }),
      },
    };
  }

  #connect(): void {
    const socket = connect(this.config.socketPath);
    this.#socket = socket;
    const reader = new SocketReader(socket);
    socket.on('error', () => undefined); // surfaced by the reader's rejection below
    void this.#watch(socket, reader).catch((error: NodeJS.ErrnoException) => {
      if (this.#running) this.#lost('no-service', error.message, error.code === 'ECONNREFUSED');
    });
  }

  async #watch(socket: Socket, reader: SocketReader): Promise<void> {
    socket.write(versionRequest(SUPPORTED_PROTOCOLS[0] ?? [4, 4]));
    const version = parseVersionReply(await reader.read(VERSION_REPLY_SIZE));
    if (version.rv !== 0) {
      this.#lost('protocol-mismatch', `pcscd speaks ${version.major}.${version.minor}`);
      socket.destroy();
      return;
    }
    this.#status = 'ok';
    this.#problem = '';
    this.#refusals = 0;
    for (;;) {
      // Registering for the next change makes pcscd send the current table first.
      socket.write(header(CMD_WAIT_READER_STATE_CHANGE, 0));
      this.#apply(parseReaderStates(await reader.read(READER_STATES_SIZE)));
      await reader.read(SIGNAL_SIZE);
    }
  }

  #apply(now: ReaderSnapshot[]): void {
    const seen = new Map(now.map((r) => [r.name, r]));
    const before = this.#readers;
    // The table is updated first, so listeners that ask (cardPresent, state) see the new one.
    this.#readers = seen;
    for (const [name, old] of before) {
      if (seen.has(name)) continue;
      if (old.cardPresent) this.emit('card-removed', { reader: name });
      this.emit('reader-detached', { reader: name });
    }
    for (const reader of now) {
      const old = before.get(reader.name);
      if (!old) this.emit('reader-attached', { reader: reader.name });
      if (reader.cardPresent && (!old?.cardPresent || old.atr !== reader.atr))
        this.emit('card-inserted', { reader: reader.name, atr: reader.atr });
      if (!reader.cardPresent && old?.cardPresent)
        this.emit('card-removed', { reader: reader.name });
    }
  }

  #lost(reason: 'no-service' | 'protocol-mismatch', detail: string, refused = false): void {
    this.#apply([]);
    // Once per kind of loss: retries refused the same way say nothing new.
    const known = this.#status === 'unavailable' && this.#lostDetail === detail;
    this.#status = 'unavailable';
    this.#problem = reason;
    this.#lostDetail = detail;
    if (!known) this.emit('service-lost', { reason, detail });
    if (reason === 'protocol-mismatch') return; // retrying cannot help; staff must see it
    this.#socket?.destroy();
    if (refused && this.#refusals < REFUSED_RETRIES && existsSync(this.config.socketPath)) {
      const delay = 50 * 2 ** this.#refusals;
      this.#refusals += 1;
      this.#retry = setTimeout(() => {
        if (this.#running) this.#connect();
      }, delay);
      return;
    }
    // A restarted pcscd recreates its socket: reconnect then, without polling. Only a new
    // socket counts; a dead pcscd's stale one would make this a busy loop.
    this.#stopWatching = whenPathAppears(
      this.config.socketPath,
      () => {
        if (this.#running) this.#connect();
      },
      true,
    );
  }
}

import { TypedEmitter } from '../../browser/typed-emitter.js';
import type { DeviceState } from '../device-state.js';
import { whenPathAppears } from '../watch-path.js';
import { DebouncedKey } from './debounced-key.js';
import { DeviceReader, type GrabResult } from './device-reader.js';
import { EV_KEY, KEY_PRESS, KEY_RELEASE, parseInputEvents } from './input-event.js';

export interface EvdevInputConfig {
  /** Shown in diagnostics, e.g. "mat-controller". */
  name: string;
  /** The resolved device node (see resolveInputDevice). */
  path: string;
  /** Key codes per role; a contact mat or a foot switch is a presence input. */
  keys: { presence?: number; reset?: number };
  debounceMs: number;
  /** Holding reset at least this long opens the staff menu instead of ending the session. */
  longPressMs: number;
  /** EVIOCGRAB, so the keys never reach the browser. */
  grab: boolean;
}

export interface EvdevInputEvents {
  /** Debounced presence; the session machine owns the grace period before "person left". */
  'mat-on': undefined;
  'mat-off': undefined;
  /** Reset is down (debounced): the kiosk may show "hold for the staff menu". */
  'reset-pressed': undefined;
  /** Released before `longPressMs`: end the session now. */
  reset: undefined;
  'staff-menu': undefined;
  /** The device is open (again): after start or a re-plug. */
  plugged: { grab: GrabResult };
  /** The device went away: fall back to idle-timeout-only, flag it in the heartbeat. */
  unplugged: { reason: 'unplugged' | 'open-failed' };
  /** The device works but its keys may also reach the browser. */
  'grab-failed': { result: GrabResult };
}

/** One evdev device carrying up to two inputs (presence, reset). */
export class EvdevInput extends TypedEmitter<EvdevInputEvents> {
  #reader: DeviceReader | undefined;
  #stopWatching: (() => void) | undefined;
  #rest: Buffer = Buffer.alloc(0);
  #status: DeviceState['status'] = 'starting';
  #grab: GrabResult = 'off';
  #running = false;
  #longPress: NodeJS.Timeout | undefined;
  #presence: DebouncedKey | undefined;
  #reset: DebouncedKey | undefined;

  constructor(
    private readonly config: EvdevInputConfig,
    onListenerError: (error: unknown) => void,
  ) {
    super(onListenerError);
  }

  start(): void {
    this.#running = true;
    this.#presence = new DebouncedKey(this.config.debounceMs, (on) =>
      this.emit(on ? 'mat-on' : 'mat-off', undefined),
    );
    this.#reset = new DebouncedKey(this.config.debounceMs, (down) => this.#onReset(down));
    this.#open();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stopWatching?.();
    this.#forgetKeys();
    await this.#reader?.stop();
    this.#reader = undefined;
  }

  state(): DeviceState {
    return {
      device: this.config.name,
      kind: 'input',
      status: this.#status,
      detail: { path: this.config.path, grab: this.#grab },
    };
  }

  #open(): void {
    this.#rest = Buffer.alloc(0);
    this.#reader = new DeviceReader(this.config.path, this.config.grab, {
      ready: (grab) => {
        this.#status = 'ok';
        this.#grab = grab;
        this.emit('plugged', { grab });
        if (this.config.grab && grab !== 'grabbed') this.emit('grab-failed', { result: grab });
      },
      data: (chunk) => this.#onData(chunk),
      gone: (reason) => this.#onGone(reason),
    });
    this.#reader.start();
  }

  #onGone(reason: 'unplugged' | 'open-failed'): void {
    this.#reader = undefined;
    this.#forgetKeys();
    if (!this.#running) return;
    this.#status = 'unplugged';
    this.emit('unplugged', { reason });
    // The node is removed on unplug and recreated on re-plug; inotify tells us, no polling.
    this.#stopWatching = whenPathAppears(this.config.path, () => {
      if (this.#running) this.#open();
    });
  }

  #onData(chunk: Buffer): void {
    const { events, rest } = parseInputEvents(Buffer.concat([this.#rest, chunk]));
    this.#rest = rest;
    for (const event of events) {
      // Autorepeat (2), EV_SYN, EV_MSC scan codes and other keys carry nothing for us.
      if (event.type !== EV_KEY || (event.value !== KEY_PRESS && event.value !== KEY_RELEASE))
        continue;
      const pressed = event.value === KEY_PRESS;
      if (event.code === this.config.keys.presence) this.#presence?.raw(pressed);
      if (event.code === this.config.keys.reset) this.#reset?.raw(pressed);
    }
  }

  #onReset(down: boolean): void {
    if (down) {
      this.emit('reset-pressed', undefined);
      this.#longPress = setTimeout(() => {
        this.#longPress = undefined;
        this.emit('staff-menu', undefined);
      }, this.config.longPressMs);
      return;
    }
    // Released before the long-press fired: a short press. After it fired: nothing more.
    if (this.#longPress === undefined) return;
    clearTimeout(this.#longPress);
    this.#longPress = undefined;
    this.emit('reset', undefined);
  }

  /** A vanished device must not leave a half-held key that fires later. */
  #forgetKeys(): void {
    clearTimeout(this.#longPress);
    this.#longPress = undefined;
    this.#presence?.reset();
    this.#reset?.reset();
  }
}

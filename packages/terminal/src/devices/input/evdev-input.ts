import { existsSync } from 'node:fs';
import { TypedEvents } from '@sidbox/runtime';
import type { DeviceState } from '../device-state.js';
import { DebouncedKey } from './debounced-key.js';
import { DeviceReader, type GrabResult } from './device-reader.js';
import { EV_KEY, KEY_PRESS, KEY_RELEASE, parseInputEvents } from './input-event.js';
import { watchInputNodes } from './input-node-watch.js';
import {
  resolveInputDevice,
  systemRoots,
  type DeviceRoots,
  type InputDeviceSelector,
} from './resolve-device.js';

/** One input device, named by path, by-id name or vendor:product (see resolveInputDevice). */
export type EvdevInputConfig = InputDeviceSelector & {
  /** Shown in diagnostics, e.g. "mat-controller". */
  name: string;
  /** Key codes per role; a contact mat or a foot switch is a presence input. */
  keys: { presence?: number; reset?: number };
  debounceMs: number;
  /** Holding reset at least this long opens the staff menu instead of ending the session. */
  longPressMs: number;
  /** EVIOCGRAB, so the keys never reach the browser. */
  grab: boolean;
  /** /dev/input and /sys/class/input; tests point them at a temporary tree. */
  roots?: DeviceRoots;
};

export interface EvdevInputEvents {
  /** Debounced presence; the session machine owns the grace period before "person left". */
  'mat-on': undefined;
  'mat-off': undefined;
  /** Reset is down (debounced): the kiosk may show "hold for the staff menu". */
  'reset-pressed': undefined;
  /** Released before `longPressMs`: end the session now. */
  reset: undefined;
  'staff-menu': undefined;
  /** The device is open (again): after start, a late plug-in or a re-plug. */
  plugged: { grab: GrabResult };
  /**
   * The device is not usable: gone, failed to open, or not attached at start ('not-found').
   * Fall back to idle-timeout-only and flag it; it is picked up when it appears.
   */
  unplugged: { reason: 'unplugged' | 'open-failed' | 'not-found' };
  /** The device works but its keys may also reach the browser. */
  'grab-failed': { result: GrabResult };
}

/** One evdev device carrying up to two inputs (presence, reset), followed across plug-ins. */
export class EvdevInput extends TypedEvents<EvdevInputEvents> {
  #reader: DeviceReader | undefined;
  #stopWatching: (() => void) | undefined;
  #looking = false;
  #lookAgain = false;
  /** The device node in use, once the selector found one. */
  #node: string | undefined;
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
    this.#waitForDevice(true);
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    this.#forgetKeys();
    await this.#reader?.stop();
    this.#reader = undefined;
  }

  state(): DeviceState {
    return {
      device: this.config.name,
      kind: 'input',
      status: this.#status,
      detail: { ...selectorDetail(this.config), ...this.#nodeDetail(), grab: this.#grab },
    };
  }

  /**
   * Watches where the node appears (inotify, no polling) and looks for it on every change. At
   * start it also looks at once; after a loss only on the next change, since a dying node can
   * linger for a moment and re-opening it would fail in a loop.
   */
  #waitForDevice(lookNow: boolean): void {
    this.#stopWatching = watchInputNodes(this.config, this.#roots(), () => void this.#look());
    if (lookNow) void this.#look();
  }

  /** Resolves the selector; one look at a time, repeated when changes came in meanwhile. */
  async #look(): Promise<void> {
    if (this.#looking) {
      this.#lookAgain = true;
      return;
    }
    this.#looking = true;
    try {
      do {
        this.#lookAgain = false;
        const node = await resolveInputDevice(this.config, this.#roots());
        if (!this.#running || this.#reader) return;
        // A by-id link can outlive its node for a moment: only a node that is there counts.
        if (node !== undefined && existsSync(node)) return this.#open(node);
      } while (this.#lookAgain);
      if (this.#status === 'starting') {
        this.#status = 'missing';
        this.emit('unplugged', { reason: 'not-found' });
      }
    } finally {
      this.#looking = false;
    }
  }

  #open(node: string): void {
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    this.#node = node;
    this.#rest = Buffer.alloc(0);
    this.#reader = new DeviceReader(node, this.config.grab, {
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
    this.#waitForDevice(false);
  }

  #roots(): DeviceRoots {
    return this.config.roots ?? systemRoots;
  }

  /** The resolved node, for staff, when the config named the device another way. */
  #nodeDetail(): { node?: string } {
    return this.#node && !('path' in this.config) ? { node: this.#node } : {};
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

/** The configured name of the device, as staff wrote it. */
function selectorDetail(selector: InputDeviceSelector): Record<string, string> {
  if ('path' in selector) return { path: selector.path };
  if ('byIdContains' in selector) return { byId: selector.byIdContains };
  return { vendorProduct: selector.vendorProduct };
}

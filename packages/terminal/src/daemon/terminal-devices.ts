import type { DeviceSummary, DevicesConfig, InputDeviceConfig } from '@sidbox/protocol';
import { TypedEvents, type Logger } from '@sidbox/runtime';
import { summarizeDevices, type ReportsState } from '../devices/device-state.js';
import { EvdevInput } from '../devices/input/evdev-input.js';
import type { DeviceRoots, InputDeviceSelector } from '../devices/input/resolve-device.js';
import { CardReaderWatch } from '../devices/pcsc/card-reader-watch.js';
import { CupsPrinter } from '../devices/print/cups-printer.js';
import { SaneScanner } from '../devices/scan/sane-scanner.js';

/** Where the device tools talk to; the system defaults when unset (tests use their own). */
export interface DeviceEnvironment {
  /** CUPS_SERVER for lp/lpstat/cancel. */
  cupsServer?: string;
  /** SANE_CONFIG_DIR for scanimage. */
  saneConfigDir?: string;
  /** Roots for resolving byId / vendorProduct selectors. */
  inputRoots?: DeviceRoots;
}

export interface TerminalDevicesEvents {
  'mat-on': undefined;
  'mat-off': undefined;
  /** Reset is held down (debounced): a short release ends the session, holding opens staff. */
  'reset-pressed': undefined;
  reset: undefined;
  'staff-menu': undefined;
  /** A device's state changed (plug, unplug, reader, card): status and kiosk view follow. */
  changed: undefined;
  'card-removed': undefined;
}

/**
 * The terminal's peripherals as the daemon uses them: built from the `devices` configuration,
 * each optional, each started independently. A device that fails to start is a reported state
 * (diagnostics, heartbeat), never an error of `start()`.
 */
export class TerminalDevices extends TypedEvents<TerminalDevicesEvents> {
  readonly printer: CupsPrinter | undefined;
  readonly scanner: SaneScanner | undefined;
  readonly #config: DevicesConfig | undefined;
  readonly #environment: DeviceEnvironment;
  readonly #logger: Logger;
  readonly #reader: CardReaderWatch | undefined;
  #inputs: EvdevInput[] = [];
  /** Which inputs carry the mat (only they decide the idle-timeout fallback). */
  #matInputs = new Set<EvdevInput>();
  #started = false;

  constructor(config: DevicesConfig | undefined, environment: DeviceEnvironment, logger: Logger) {
    super((error) => logger.error({ err: error }, 'device listener failed'));
    this.#config = config;
    this.#environment = environment;
    this.#logger = logger.child({ component: 'devices' });
    const onError = (error: unknown): void =>
      this.#logger.error({ err: error }, 'device listener failed');
    if (config?.cardReader?.enabled) {
      const reader = new CardReaderWatch({ socketPath: config.cardReader.pcscdSocket }, onError);
      for (const event of ['reader-attached', 'reader-detached', 'service-lost'] as const)
        reader.on(event, (payload) => {
          this.#logger.info({ event, ...payload }, 'card reader');
          this.emit('changed', undefined);
        });
      reader.on('card-inserted', () => this.emit('changed', undefined));
      reader.on('card-removed', () => {
        this.emit('changed', undefined);
        if (!reader.cardPresent()) this.emit('card-removed', undefined);
      });
      this.#reader = reader;
    }
    this.printer = config?.printer
      ? new CupsPrinter({
          printer: config.printer.queue,
          ...(environment.cupsServer && { server: environment.cupsServer }),
        })
      : undefined;
    this.scanner = config?.scanner
      ? new SaneScanner({
          device: config.scanner.device,
          resolutionDpi: config.scanner.resolutionDpi,
          mode: config.scanner.mode,
          ...(environment.saneConfigDir && { saneConfigDir: environment.saneConfigDir }),
        })
      : undefined;
  }

  /** Starts every configured device; none of them can make this fail. */
  async start(): Promise<void> {
    this.#started = true;
    for (const input of this.#config?.inputs ?? []) {
      const adapter = this.#input(input);
      this.#inputs.push(adapter);
      if (input.keys.presence !== undefined) this.#matInputs.add(adapter);
    }
    this.#reader?.start();
    await Promise.all(
      [this.printer, this.scanner].map((device) =>
        device
          ?.start()
          .catch((error: unknown) => this.#logger.warn({ err: error }, 'device check failed')),
      ),
    );
    this.#logger.info({ devices: this.summary().devices.length }, 'devices started');
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    const inputs = this.#inputs.splice(0);
    this.#matInputs.clear();
    await Promise.all([
      ...inputs.map((input) => input.stop()),
      this.#reader?.stop(),
      this.printer?.stop(),
      this.scanner?.stop(),
    ]);
  }

  /** Every device in configuration order: inputs, card reader, printer, scanner. */
  summary(): DeviceSummary {
    const adapters: ReportsState[] = [
      ...this.#inputs,
      ...[this.#reader, this.printer, this.scanner].filter(
        (device): device is NonNullable<typeof device> => device !== undefined,
      ),
    ];
    return { ...summarizeDevices(adapters), matFallback: this.matFallback };
  }

  /** A configured mat is not usable: sessions end by idle timeout alone (staff see it). */
  get matFallback(): boolean {
    return [...this.#matInputs].some((input) => {
      const { status } = input.state();
      return status === 'unplugged' || status === 'missing';
    });
  }

  /** Card reader awareness is on but pcscd sees no reader (or pcscd is gone). */
  get readerMissing(): boolean {
    const status = this.#reader?.state().status;
    return status === 'missing' || status === 'unavailable';
  }

  /** A card (any card, eID or not) lies on a reader pcscd sees. */
  cardPresent(): boolean {
    return this.#reader?.cardPresent() ?? false;
  }

  /** Resolves when pcscd sees no card any more, or when `signal` aborts. */
  whenCardRemoved(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (!this.cardPresent() || signal.aborted) return resolve();
      const done = (): void => {
        off();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const off = this.on('card-removed', done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** The input follows its device: one not attached at start is picked up when it appears. */
  #input(config: InputDeviceConfig): EvdevInput {
    const input = new EvdevInput(
      {
        name: config.name,
        ...selector(config),
        ...(this.#environment.inputRoots && { roots: this.#environment.inputRoots }),
        keys: config.keys,
        debounceMs: config.debounceMs,
        longPressMs: config.longPressMs,
        grab: config.grab,
      },
      (error) => this.#logger.error({ err: error }, 'input listener failed'),
    );
    for (const event of ['mat-on', 'mat-off', 'reset-pressed', 'reset', 'staff-menu'] as const)
      input.on(event, () => this.emit(event, undefined));
    input.on('plugged', ({ grab }) => {
      this.#logger.info({ input: config.name, grab }, 'input device ready');
      this.emit('changed', undefined);
    });
    input.on('unplugged', ({ reason }) => {
      this.#logger.warn({ input: config.name, reason }, 'input device gone');
      this.emit('changed', undefined);
    });
    input.on('grab-failed', ({ result }) =>
      this.#logger.warn({ input: config.name, result }, 'input device not grabbed'),
    );
    input.start();
    return input;
  }
}

function selector(config: InputDeviceConfig): InputDeviceSelector {
  if (config.path !== undefined) return { path: config.path };
  if (config.byId !== undefined) return { byIdContains: config.byId };
  return { vendorProduct: config.vendorProduct ?? '' };
}

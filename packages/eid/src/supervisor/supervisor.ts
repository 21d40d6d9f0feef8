import { createLogger, TypedEvents, type Logger } from '@sidbox/runtime';
import type { SdkClient } from '../sdk/client.js';
import { defaultBackoff, nextBackoff, type RestartPolicy } from './backoff.js';
import { findAusweisApp, findExecutable, type AusweisAppBinary } from './binary.js';
import { AusweisAppNotFoundError, SupervisorStoppedError } from './errors.js';
import { AusweisAppInstance, type ExitInfo } from './instance.js';
import { removeStalePrivateDirs } from './private-dir.js';

export interface SupervisorOptions {
  /** Path of the AusweisApp binary; searched on PATH if absent. */
  binary?: string;
  /** 0 (default) lets AusweisApp pick a free port. */
  port?: number;
  /** Also serve `/eID-Client` for browser activation. */
  webservice?: boolean;
  /** Pass AusweisApp's own (verbose) log through to ours. */
  debug?: boolean;
  logger?: Logger;
  userAgent?: string;
  /** Restart automatically after a crash (default true). */
  autoRestart?: boolean;
  backoff?: Partial<RestartPolicy>;
  startTimeoutMs?: number;
  /** Time between SIGTERM and SIGKILL on stop. */
  stopGraceMs?: number;
  requestTimeoutMs?: number;
  /** Where the per-instance private directories are created. */
  baseDir?: string;
  /**
   * Accept authorization certificates of a test PKI (AusweisApp's pre-verification off), for
   * tests and demos against `sidbox eid-server test-pki`. Never on a production terminal.
   */
  acceptTestPki?: boolean;
}

export interface SupervisorEvents extends Record<string, unknown> {
  ready: { client: SdkClient; pid: number; binary: AusweisAppBinary };
  crashed: { pid: number; code: number | null; signal: NodeJS.Signals | null };
  restarting: { attempt: number; delayMs: number };
  stopped: { pid: number | null };
}

/**
 * Keeps one headless AusweisApp running: starts it in a private directory, restarts it on
 * demand (a fresh process and directory wipe all state between citizens) and after crashes
 * with exponential backoff, and stops it leaving nothing behind. Lifecycle operations run one
 * at a time.
 */
export class AusweisAppSupervisor {
  readonly #options: SupervisorOptions;
  readonly #logger: Logger;
  readonly #backoff: RestartPolicy;
  readonly #events: TypedEvents<SupervisorEvents>;
  #binary: AusweisAppBinary | undefined;
  #setpriv: string | null | undefined;
  #instance: AusweisAppInstance | undefined;
  #readyAt = 0;
  #attempt = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #stopRequested = false;
  #stopped = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SupervisorOptions = {}) {
    this.#options = options;
    this.#logger = options.logger?.child({ component: 'ausweisapp' }) ?? createLogger('ausweisapp');
    this.#backoff = { ...defaultBackoff, ...options.backoff };
    this.#events = new TypedEvents((error) =>
      this.#logger.error({ err: error }, 'supervisor listener failed'),
    );
  }

  /** The connection to the running AusweisApp, if one is ready. */
  get client(): SdkClient | undefined {
    return this.#instance?.client;
  }

  get binary(): AusweisAppBinary | undefined {
    return this.#binary;
  }

  get pid(): number | undefined {
    return this.#instance?.pid;
  }

  /** The running instance's private directory (HOME, TMPDIR, XDG_*). */
  get privateDir(): string | undefined {
    return this.#instance?.dir.root;
  }

  /** The SDK WebSocket URL of the running instance. */
  get url(): string | undefined {
    return this.#instance?.url;
  }

  on<K extends keyof SupervisorEvents>(
    event: K,
    listener: (payload: SupervisorEvents[K]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  /** Starts AusweisApp unless it runs already; resolves when it answers and speaks our level. */
  start(): Promise<SdkClient> {
    this.#stopRequested = false;
    return this.#serial(async () => this.#instance?.client ?? this.#launch());
  }

  /** A fresh process in a fresh directory: nothing of the previous session survives. */
  restart(): Promise<SdkClient> {
    this.#stopRequested = false;
    this.#cancelRestart();
    return this.#serial(async () => {
      await this.#terminateCurrent();
      return this.#launch();
    });
  }

  /** SIGTERM, SIGKILL after the grace time, directory removed. Idempotent. */
  stop(): Promise<void> {
    this.#stopRequested = true;
    this.#cancelRestart();
    return this.#serial(async () => {
      const pid = await this.#terminateCurrent();
      if (this.#stopped) return;
      this.#stopped = true;
      this.#events.emit('stopped', { pid: pid ?? null });
    });
  }

  /** The current client, or the next one to become ready. Rejects if stopped (meanwhile). */
  whenReady(): Promise<SdkClient> {
    const current = this.#instance?.client;
    if (current) return Promise.resolve(current);
    if (this.#stopped) return Promise.reject(new SupervisorStoppedError());
    return new Promise((resolve, reject) => {
      const offReady = this.on('ready', ({ client }) => {
        offStopped();
        offReady();
        resolve(client);
      });
      const offStopped = this.on('stopped', () => {
        offStopped();
        offReady();
        reject(new SupervisorStoppedError());
      });
    });
  }

  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation, operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #launch(): Promise<SdkClient> {
    const binary = await this.#resolveBinary();
    this.#setpriv ??= await findExecutable('setpriv');
    const instance = await AusweisAppInstance.launch({
      binary,
      port: this.#options.port ?? 0,
      webservice: this.#options.webservice ?? false,
      debug: this.#options.debug ?? false,
      setpriv: this.#setpriv,
      userAgent: this.#options.userAgent ?? 'SIDbox',
      startTimeoutMs: this.#options.startTimeoutMs ?? 15_000,
      requestTimeoutMs: this.#options.requestTimeoutMs ?? 10_000,
      baseDir: this.#options.baseDir,
      acceptTestPki: this.#options.acceptTestPki ?? false,
      logger: this.#logger,
    });
    this.#instance = instance;
    this.#stopped = false;
    this.#readyAt = Date.now();
    void instance.exited.then((info) => this.#exited(instance, info));
    instance.client.onClose(({ expected }) => {
      // The connection died but the process did not: it is of no use any more, so it is killed
      // and handled as a crash.
      if (!expected && instance === this.#instance) instance.kill();
    });
    this.#events.emit('ready', { client: instance.client, pid: instance.pid, binary });
    return instance.client;
  }

  /** First use: find the binary, and clear what a killed predecessor left behind. */
  async #resolveBinary(): Promise<AusweisAppBinary> {
    if (this.#binary) return this.#binary;
    const stale = await removeStalePrivateDirs(this.#options.baseDir);
    if (stale.length > 0) this.#logger.info({ stale }, 'removed stale AusweisApp directories');
    const found = await findAusweisApp(this.#options.binary ? { path: this.#options.binary } : {});
    if (!found) throw new AusweisAppNotFoundError(this.#options.binary ?? 'searched PATH');
    this.#logger.info(found, 'AusweisApp found');
    this.#binary = found;
    return found;
  }

  /** Stops the current instance, if any; its exit is then not a crash. Returns its pid. */
  async #terminateCurrent(): Promise<number | undefined> {
    const instance = this.#instance;
    if (!instance) return undefined;
    this.#instance = undefined;
    await instance.terminate(this.#options.stopGraceMs ?? 3000);
    this.#logger.info({ pid: instance.pid }, 'AusweisApp stopped');
    return instance.pid;
  }

  #exited(instance: AusweisAppInstance, info: ExitInfo): void {
    if (instance !== this.#instance) return;
    this.#instance = undefined;
    this.#logger.error({ pid: instance.pid, ...info }, 'AusweisApp died unexpectedly');
    void instance.terminate(0);
    this.#events.emit('crashed', { pid: instance.pid, ...info });
    if (Date.now() - this.#readyAt >= this.#backoff.stableAfterMs) this.#attempt = 0;
    this.#scheduleRestart();
  }

  #scheduleRestart(): void {
    if (this.#stopRequested || this.#options.autoRestart === false) return;
    this.#attempt += 1;
    const delayMs = nextBackoff(this.#attempt, this.#backoff);
    this.#events.emit('restarting', { attempt: this.#attempt, delayMs });
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      void this.#serial(async () => {
        if (this.#stopRequested || this.#instance) return;
        await this.#launch().catch((error: unknown) => {
          this.#logger.error({ err: error }, 'AusweisApp restart failed');
          this.#scheduleRestart();
        });
      });
    }, delayMs);
  }

  #cancelRestart(): void {
    clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '@sidbox/runtime';
import { SdkClient } from '../sdk/client.js';
import { WebSocketChannel } from '../sdk/websocket-channel.js';
import type { AusweisAppBinary } from './binary.js';
import { AusweisAppPortBusyError, AusweisAppStartError } from './errors.js';
import { portFilePath, readPortFile } from './port-file.js';
import { createPrivateDir, privateEnv, removePrivateDir, type PrivateDir } from './private-dir.js';
import { writeKioskSettings } from './settings.js';

/** TR-03124's eID-Client port; AusweisApp writes no port file for it. */
export const defaultPort = 24727;

export interface LaunchOptions {
  binary: AusweisAppBinary;
  /** 0 lets AusweisApp pick a free port and report it in its port file. */
  port: number;
  /** Also load the `webservice` plugin (`/eID-Client`, browser activation). */
  webservice: boolean;
  /** Let AusweisApp log to our log (verbose: user agent, reader names, URLs). */
  debug: boolean;
  /** `setpriv` path: AusweisApp then gets SIGKILL when Node dies, however it dies. */
  setpriv: string | null;
  userAgent: string;
  startTimeoutMs: number;
  requestTimeoutMs: number;
  /** Where private directories are created; the system temp dir by default. */
  baseDir?: string;
  /** Accept a test PKI's authorization certificates (pre-verification off). */
  acceptTestPki?: boolean;
  logger: Logger;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One running AusweisApp process with its private directory and SDK connection. */
export class AusweisAppInstance {
  #terminated: Promise<ExitInfo> | undefined;
  #exitInfo: ExitInfo | undefined;

  private constructor(
    readonly pid: number,
    readonly dir: PrivateDir,
    readonly port: number,
    readonly client: SdkClient,
    readonly exited: Promise<ExitInfo>,
    private readonly child: ChildProcess,
  ) {
    void exited.then((info) => (this.#exitInfo = info));
  }

  get url(): string {
    return sdkUrl(this.port);
  }

  get running(): boolean {
    return this.#exitInfo === undefined;
  }

  /**
   * Spawns AusweisApp headless in a fresh private directory, connects, waits until it answers
   * GET_INFO and negotiates the API level. On any failure nothing is left behind.
   */
  static async launch(options: LaunchOptions): Promise<AusweisAppInstance> {
    const { logger } = options;
    const dir = await createPrivateDir(options.baseDir);
    let child: ChildProcess | undefined;
    try {
      await writeKioskSettings(dir.config, { acceptTestPki: options.acceptTestPki === true });
      child = spawnAusweisApp(options, dir);
      const exited = exitOf(child);
      const pid = child.pid;
      if (pid === undefined) throw await spawnFailure(child);
      logger.info({ pid, binary: options.binary.path, dir: dir.root }, 'AusweisApp spawned');

      // Every waiting step below ends early if AusweisApp dies or the start takes too long.
      const abort = new AbortController();
      const timer = setTimeout(
        () =>
          abort.abort(new AusweisAppStartError(`not ready within ${options.startTimeoutMs} ms`)),
        options.startTimeoutMs,
      );
      void exited.then((info) => abort.abort(startFailure(info, options.port)));
      try {
        // The port file also proves that *this* process owns the port; AusweisApp writes it
        // for every port but the default one.
        const port =
          options.port === defaultPort
            ? defaultPort
            : await readPortFile(portFilePath(dir.tmp, options.binary.name, pid), abort.signal);
        const client = await abortable(connect(options, port, abort.signal), abort.signal);
        const info = await abortable(client.getInfo(), abort.signal);
        const apiLevel = await abortable(client.negotiateApiLevel(), abort.signal);
        logger.info(
          { pid, port, version: info.VersionInfo['Implementation-Version'], apiLevel },
          'AusweisApp ready',
        );
        return new AusweisAppInstance(pid, dir, port, client, exited, child);
      } finally {
        clearTimeout(timer);
      }
    } catch (error) {
      if (child) await killAndWait(child);
      await removePrivateDir(dir);
      throw error instanceof AusweisAppStartError || error instanceof AusweisAppPortBusyError
        ? error
        : new AusweisAppStartError('AusweisApp did not become ready', { cause: error });
    }
  }

  /** SIGKILL without waiting; the exit is seen through `exited`. */
  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  /**
   * Closes the connection, sends SIGTERM, SIGKILL after `graceMs`, waits for the exit and
   * removes the private directory. Safe to call more than once.
   */
  terminate(graceMs: number): Promise<ExitInfo> {
    this.#terminated ??= this.#terminate(graceMs);
    return this.#terminated;
  }

  async #terminate(graceMs: number): Promise<ExitInfo> {
    // After a crash the connection is left to close by itself, so it reports "unexpected".
    if (this.running) {
      this.client.close();
      this.child.kill('SIGTERM');
      const grace = new AbortController();
      const gone = await Promise.race([
        this.exited.then(() => true),
        delay(graceMs, false, { signal: grace.signal }),
      ]);
      grace.abort();
      if (!gone) this.child.kill('SIGKILL');
    }
    const info = await this.exited;
    await removePrivateDir(this.dir);
    return info;
  }
}

export function sdkUrl(port: number): string {
  return `ws://127.0.0.1:${port}/eID-Kernel`;
}

function spawnAusweisApp(options: LaunchOptions, dir: PrivateDir): ChildProcess {
  const args = ['--ui', 'websocket'];
  if (options.webservice) args.push('--ui', 'webservice');
  args.push('--port', String(options.port), '--no-logfile');
  if (!options.debug) args.push('--no-loghandler');
  // setpriv execs AusweisApp, so the child's pid is AusweisApp's pid (and names the port file).
  const [file, argv] = options.setpriv
    ? [options.setpriv, ['--pdeathsig', 'KILL', '--', options.binary.path, ...args]]
    : [options.binary.path, args];
  const child = spawn(file, argv, {
    env: privateEnv(dir),
    cwd: dir.home,
    stdio: ['ignore', options.debug ? 'pipe' : 'ignore', options.debug ? 'pipe' : 'ignore'],
  });
  if (options.debug) {
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) {
        createInterface({ input: stream }).on('line', (line) =>
          options.logger.debug({ pid: child.pid }, line),
        );
      }
    }
  }
  return child;
}

function exitOf(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A failed spawn emits 'error' and never 'exit'.
    child.once('error', () => resolve({ code: null, signal: null }));
  });
}

async function spawnFailure(child: ChildProcess): Promise<Error> {
  const error = await new Promise<Error>((resolve) => child.once('error', resolve));
  return new AusweisAppStartError(`cannot run AusweisApp: ${error.message}`, { cause: error });
}

function startFailure(info: ExitInfo, port: number): Error {
  if (info.code === 1) return new AusweisAppPortBusyError(port);
  return new AusweisAppStartError(
    `AusweisApp exited during start (code ${info.code}, signal ${info.signal})`,
  );
}

async function connect(options: LaunchOptions, port: number, signal: AbortSignal) {
  const channel = await WebSocketChannel.connect(sdkUrl(port), {
    userAgent: options.userAgent,
    retryUntilMs: options.startTimeoutMs,
    logger: options.logger,
  });
  if (signal.aborted) channel.close();
  return new SdkClient(channel, {
    logger: options.logger,
    requestTimeoutMs: options.requestTimeoutMs,
  });
}

/** Rejects with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

import {
  openEidConnection,
  SIMULATOR_READER,
  startAuthentication,
  startChangePin,
  TRAINING_READER,
  TrainingCardError,
  type EidConnection,
  type EidSource,
  type EidWorkflow,
} from '@sidbox/eid';
import { PreparedSpare, silentLogger, TypedEvents, type Logger } from '@sidbox/runtime';
import type { EidStep, Outcome } from '@sidbox/protocol';

export interface EidSessionEvents extends Record<string, unknown> {
  /** The current AusweisApp (or training channel) died unexpectedly. */
  crashed: { detail: string };
  /** The running workflow moved to a step; null once no workflow runs. */
  step: EidStep | null;
  /** A workflow ended (authentication or PIN change), however it ended. */
  outcome: Outcome;
  /** A reader or card came or went, a training card was put in, or the connection changed. */
  readers: Record<string, never>;
}

/** Another eID workflow runs already; the page must wait for it. */
export class EidBusyError extends Error {
  override readonly name = 'EidBusyError';
  readonly code = 'eid-busy';
}

/** Readers without a physical card: the Simulator and the training reader. */
const virtualReaders = new Set([SIMULATOR_READER, TRAINING_READER]);

export interface EidSessionOptions {
  source: EidSource;
  logger?: Logger;
  /** Opens a connection; tests inject their own. */
  open?: (source: EidSource, logger: Logger) => Promise<EidConnection>;
  stepTimeoutMs?: number;
  /** Only for test services with http refresh addresses; never in production. */
  developerMode?: boolean;
}

/**
 * The eID side of citizen sessions: one connection per session, the next one prepared in
 * advance (a second AusweisApp already started), swapped in by `renew()` so the next citizen
 * gets fresh AusweisApp state without waiting for a start.
 */
export class EidSession {
  readonly #options: EidSessionOptions;
  readonly #logger: Logger;
  readonly #processLogger: Logger;
  readonly #open: (source: EidSource, logger: Logger) => Promise<EidConnection>;
  readonly #events: TypedEvents<EidSessionEvents>;
  readonly #closing = new Set<Promise<void>>();
  #source: EidSource;
  #current: EidConnection | undefined;
  readonly #spare: PreparedSpare<EidConnection>;
  #unwatch: (() => void)[] = [];
  #workflow: EidWorkflow | null = null;
  #stopped = false;

  constructor(options: EidSessionOptions) {
    this.#options = options;
    this.#source = options.source;
    // What we start (AusweisApp, workflows) names its own component under the process logger.
    this.#processLogger = options.logger ?? silentLogger();
    this.#logger = this.#processLogger.child({ component: 'eid-session' });
    this.#open = options.open ?? openEidConnection;
    this.#events = new TypedEvents((error) =>
      this.#logger.error({ err: error }, 'eid listener failed'),
    );
    this.#spare = new PreparedSpare({
      prepare: () => this.#open(this.#source, this.#processLogger),
      dispose: (connection) => connection.close(),
      onError: (error, during) =>
        this.#logger.warn(
          { err: error },
          during === 'prepare' ? 'spare eID not prepared' : 'eID spare not closed',
        ),
    });
  }

  get training(): boolean {
    return this.#source.kind === 'training';
  }

  /** The scenario of the card in the training reader; null with the real AusweisApp. */
  get trainingScenario(): string | null {
    return this.#current?.trainingScenario ?? null;
  }

  get workflow(): EidWorkflow | null {
    return this.#workflow;
  }

  get connection(): EidConnection | undefined {
    return this.#current;
  }

  on<K extends keyof EidSessionEvents>(
    event: K,
    listener: (payload: EidSessionEvents[K]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  async start(): Promise<void> {
    this.#stopped = false;
    this.#use(await this.#open(this.#source, this.#processLogger));
    this.#prepareSpare();
  }

  /**
   * Training only: a fresh card of `scenario` on the training reader, before a workflow or at
   * its insert-card step; later sessions get a fresh card of the same scenario.
   * TrainingCardError when it cannot be (not training, unknown scenario, card in use).
   */
  insertTrainingCard(scenario: string): void {
    const connection = this.#current;
    if (!connection || this.#source.kind !== 'training') {
      throw new TrainingCardError('not-training', 'the terminal is not in training mode');
    }
    connection.insertTrainingCard(scenario);
    this.#source = { kind: 'training', scenario };
    this.#spare.discard();
    this.#prepareSpare();
    this.#events.emit('readers', {});
  }

  /**
   * Another eID source from now on (staff switch training mode): the current connection and
   * the spare are closed, a new one opened. Call it between sessions: a running workflow is
   * cancelled without waiting.
   */
  async switchSource(source: EidSource): Promise<void> {
    this.#workflow?.cancel();
    this.#workflow = null;
    this.#source = source;
    this.#spare.discard();
    const old = this.#detach();
    if (old) this.#closeLater(old);
    this.#use(await this.#open(source, this.#processLogger));
    this.#prepareSpare();
  }

  /** Starts an authentication for a page's eID start; one at a time. */
  authenticate(tcTokenURL: string): EidWorkflow {
    const connection = this.#idleConnection();
    return this.#track(
      startAuthentication(connection.client, {
        tcTokenURL,
        ...this.#workflowOptions(connection),
        ...(this.#options.developerMode !== undefined && {
          developerMode: this.#options.developerMode,
        }),
      }),
    );
  }

  /** Starts a PIN change (Fast Lane) on the card in the reader; one workflow at a time. */
  changePin(): EidWorkflow {
    const connection = this.#idleConnection();
    return this.#track(startChangePin(connection.client, this.#workflowOptions(connection)));
  }

  #idleConnection(): EidConnection {
    if (this.#workflow) throw new EidBusyError('an eID workflow runs already');
    const connection = this.#current;
    if (!connection) throw new Error('eID is not started');
    return connection;
  }

  #workflowOptions(connection: EidConnection) {
    return {
      training: connection.training,
      logger: this.#processLogger,
      ...(this.#options.stepTimeoutMs !== undefined && {
        stepTimeoutMs: this.#options.stepTimeoutMs,
      }),
    };
  }

  #track(workflow: EidWorkflow): EidWorkflow {
    this.#workflow = workflow;
    const off = workflow.onStep((step) => this.#events.emit('step', step));
    this.#events.emit('step', workflow.step);
    void workflow.done.then((outcome) => {
      off();
      if (this.#workflow === workflow) this.#workflow = null;
      this.#events.emit('step', null);
      this.#events.emit('outcome', outcome);
    });
    return workflow;
  }

  /** Cancels the running workflow and waits up to `graceMs` for its outcome. */
  async cancelWorkflow(graceMs: number): Promise<Outcome | undefined> {
    const workflow = this.#workflow;
    if (!workflow) return undefined;
    workflow.cancel();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), graceMs);
    });
    try {
      return await Promise.race([workflow.done, timeout]);
    } finally {
      clearTimeout(timer);
      this.#workflow = null;
    }
  }

  /** A physical card still lies on a reader (virtual readers never count). */
  cardInReader(): boolean {
    const readers = this.#current?.client.readers.values() ?? [];
    return [...readers].some((reader) => !virtualReaders.has(reader.name) && !!reader.card);
  }

  /** A physical card reader is attached (virtual readers never count). */
  readerAttached(): boolean {
    const readers = this.#current?.client.readers.values() ?? [];
    return [...readers].some((reader) => !virtualReaders.has(reader.name) && reader.attached);
  }

  /** Resolves when no physical card lies on a reader any more. */
  whenCardRemoved(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const client = this.#current?.client;
      if (!client || !this.cardInReader()) return resolve();
      const done = (): void => {
        off();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const off = client.onReader(() => {
        if (!this.cardInReader()) done();
      });
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Fresh eID state: the prepared connection replaces the current one, which is closed. */
  async renew(signal?: AbortSignal): Promise<void> {
    const next = this.#spare.take(signal);
    const old = this.#detach();
    if (old) this.#closeLater(old);
    this.#use(await next);
    this.#prepareSpare();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#workflow?.cancel();
    this.#workflow = null;
    const old = this.#detach();
    if (old) this.#closeLater(old);
    await Promise.all([this.#spare.stop(), ...this.#closing]);
  }

  #use(connection: EidConnection): void {
    this.#current = connection;
    const crashed = (detail: string): void => {
      if (this.#current === connection && !this.#stopped) this.#events.emit('crashed', { detail });
    };
    this.#unwatch = [
      connection.client.onClose(({ expected }) => {
        if (!expected) crashed('eID connection closed');
      }),
      connection.client.onReader(() => this.#events.emit('readers', {})),
    ];
    const supervisor = connection.supervisor;
    if (supervisor) {
      this.#unwatch.push(
        supervisor.on('crashed', ({ code, signal }) =>
          crashed(`AusweisApp exited (${signal ?? code})`),
        ),
      );
    }
    this.#events.emit('readers', {});
  }

  #detach(): EidConnection | undefined {
    for (const unwatch of this.#unwatch) unwatch();
    this.#unwatch = [];
    const old = this.#current;
    this.#current = undefined;
    return old;
  }

  #prepareSpare(): void {
    if (!this.#stopped) this.#spare.prepare();
  }

  /** Closing an AusweisApp takes a moment; nobody waits for it but stop(). */
  #closeLater(connection: EidConnection): void {
    const closing = connection
      .close()
      .catch((error: unknown) => this.#logger.warn({ err: error }, 'eID close failed'))
      .finally(() => this.#closing.delete(closing));
    this.#closing.add(closing);
  }
}

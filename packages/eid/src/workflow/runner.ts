import type { EidStep, Outcome, WorkflowKind } from '@sidbox/protocol';
import { silentLogger, type Logger } from '@sidbox/runtime';
import type { UserAction } from './actions.js';
import {
  finish,
  startMachine,
  type Effect,
  type MachineConfig,
  type MachineEvent,
  type MachineState,
} from './machine.js';
import type { WorkflowPort } from './port.js';
import { reduce } from './reduce.js';

/** A running eID workflow, as the kiosk UI or the CLI drives it. */
export interface EidWorkflow {
  readonly kind: WorkflowKind;
  /** The step the workflow waits in now. */
  readonly step: EidStep;
  /** Called for every new or updated step; returns the unsubscribe function. */
  onStep(listener: (step: EidStep) => void): () => void;
  /** Throws WorkflowActionError (TransportPinInAuthError …) if the action does not fit now. */
  act(action: UserAction): void;
  /** Cancels at any step; a no-op once the workflow has ended. */
  cancel(): void;
  /** The outcome; never rejects, every failure is an Outcome. */
  readonly done: Promise<Outcome>;
}

export interface WorkflowOptions {
  /** Set for the training card: every step and outcome says so. */
  training?: boolean;
  /** Limit for each step; the workflow cancels with `timeout` (or `no-reader`). */
  stepTimeoutMs?: number;
  /** How long to wait for AusweisApp's final message after CANCEL. */
  cancelGraceMs?: number;
  /** Steps and outcome codes go here, under category `eid-workflow`; silent if omitted. */
  logger?: Logger;
}

export interface AuthenticationOptions extends WorkflowOptions {
  tcTokenURL: string;
  /** Never in production: lets test cards and http refresh URLs through. */
  developerMode?: boolean;
}

export const defaultStepTimeoutMs = 180_000;
export const defaultCancelGraceMs = 5_000;

export function startAuthentication(port: WorkflowPort, opts: AuthenticationOptions): EidWorkflow {
  const run = {
    cmd: 'RUN_AUTH',
    tcTokenURL: opts.tcTokenURL,
    ...(opts.developerMode !== undefined && { developerMode: opts.developerMode }),
  } as const;
  return new WorkflowRunner(port, config('auth', run, opts), opts.logger);
}

export function startChangePin(port: WorkflowPort, opts: WorkflowOptions = {}): EidWorkflow {
  return new WorkflowRunner(
    port,
    config('change-pin', { cmd: 'RUN_CHANGE_PIN' }, opts),
    opts.logger,
  );
}

function config(
  kind: WorkflowKind,
  run: MachineConfig['run'],
  opts: WorkflowOptions,
): MachineConfig {
  return {
    kind,
    run,
    training: opts.training ?? false,
    stepTimeoutMs: opts.stepTimeoutMs ?? defaultStepTimeoutMs,
    cancelGraceMs: opts.cancelGraceMs ?? defaultCancelGraceMs,
  };
}

/**
 * Executes the pure machine's effects over a WorkflowPort with real timers. Events are handled
 * one at a time: an event raised while another is being handled (a step listener acting, a
 * port delivering synchronously) is queued behind it.
 */
class WorkflowRunner implements EidWorkflow {
  readonly kind: WorkflowKind;
  readonly done: Promise<Outcome>;
  readonly #port: WorkflowPort;
  readonly #logger: Logger;
  readonly #listeners = new Set<(step: EidStep) => void>();
  readonly #queue: MachineEvent[] = [];
  readonly #unsubscribe: (() => void)[];
  #state: MachineState;
  #busy = false;
  #timer: NodeJS.Timeout | undefined;
  #resolve!: (outcome: Outcome) => void;

  constructor(port: WorkflowPort, machineConfig: MachineConfig, logger?: Logger) {
    this.kind = machineConfig.kind;
    this.#port = port;
    this.#logger = (logger ?? silentLogger()).child({ component: 'eid-workflow' });
    this.done = new Promise((resolve) => (this.#resolve = resolve));
    this.#unsubscribe = [
      port.onMessage((message) => this.#dispatch({ type: 'message', message })),
      port.onClose(({ expected }) => this.#dispatch({ type: 'channel-closed', expected })),
    ];
    const start = startMachine(machineConfig);
    this.#state = start.state;
    this.#busy = true;
    this.#apply(start.effects);
    this.#drain();
  }

  get step(): EidStep {
    return this.#state.step;
  }

  onStep(listener: (step: EidStep) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  act(action: UserAction): void {
    // Checked against the current state now, so the caller gets the error synchronously.
    const { rejection } = reduce(this.#state, { type: 'action', action });
    if (rejection) throw rejection;
    this.#dispatch({ type: 'action', action });
  }

  cancel(): void {
    this.#dispatch({ type: 'action', action: { type: 'cancel' } });
  }

  #dispatch(event: MachineEvent): void {
    this.#queue.push(event);
    if (this.#busy) return;
    this.#busy = true;
    this.#drain();
  }

  #drain(): void {
    try {
      for (let event = this.#queue.shift(); event; event = this.#queue.shift()) {
        const { state, effects, rejection } = reduce(this.#state, event);
        if (rejection) {
          // Valid when act() checked it, overtaken by an event queued before it.
          this.#logger.warn({ action: rejection.action, step: rejection.step }, 'action dropped');
          continue;
        }
        this.#state = state;
        this.#apply(effects);
      }
    } catch (error) {
      // A bug in the machine must still end in an outcome, and AusweisApp must stop too.
      this.#logger.error({ err: error }, 'workflow machine failed');
      this.#send({ cmd: 'CANCEL' });
      const failed = finish(this.#state, 'eid-error');
      this.#state = failed.state;
      this.#apply(failed.effects);
    } finally {
      this.#busy = false;
    }
  }

  #apply(effects: readonly Effect[]): void {
    for (const effect of effects) {
      switch (effect.type) {
        case 'send':
          this.#send(effect.command);
          break;
        case 'request-certificate':
          this.#port.request({ cmd: 'GET_CERTIFICATE' }, 'CERTIFICATE').then(
            (certificate) => this.#dispatch({ type: 'certificate', certificate }),
            (error: unknown) => {
              this.#logger.warn({ err: error }, 'certificate not available');
              this.#dispatch({ type: 'certificate', certificate: null });
            },
          );
          break;
        case 'start-timer': {
          clearTimeout(this.#timer);
          const { timerId } = effect;
          this.#timer = setTimeout(
            () => this.#dispatch({ type: 'timer-fired', timerId }),
            effect.ms,
          );
          break;
        }
        case 'stop-timer':
          clearTimeout(this.#timer);
          break;
        case 'publish':
          this.#publish(effect.step);
          break;
        case 'finish':
          this.#finish(effect.outcome);
          break;
      }
    }
  }

  #send(command: Parameters<WorkflowPort['send']>[0]): void {
    try {
      this.#port.send(command);
    } catch (error) {
      // The connection is gone; its close event may not come (already closed before we started).
      this.#logger.warn({ err: error, cmd: command.cmd }, 'command not sent');
      this.#queue.push({ type: 'channel-closed', expected: false });
    }
  }

  #publish(step: EidStep): void {
    if (step.step !== 'done') {
      this.#logger.info({ workflow: this.kind, step: step.step, training: step.training }, 'step');
    }
    for (const listener of this.#listeners) {
      try {
        listener(step);
      } catch (error) {
        this.#logger.error({ err: error, step: step.step }, 'step listener failed');
      }
    }
  }

  #finish(outcome: Outcome): void {
    clearTimeout(this.#timer);
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    const { workflow, code, ok, training, retryCounter, detail } = outcome;
    this.#logger.info({ workflow, code, ok, training, retryCounter, detail }, 'outcome');
    this.#resolve(outcome);
  }
}

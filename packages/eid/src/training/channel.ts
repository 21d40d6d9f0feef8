import type { ChannelClosed, SdkChannel } from '../sdk/channel.js';
import { serializeCommand, type TaggedCommand } from '../sdk/commands.js';
import { TrainingAusweisApp } from './ausweisapp.js';
import { TrainingCard } from './card.js';
import { TrainingCardError } from './card-swap-error.js';
import type { Json } from './messages.js';
import {
  findScenario,
  trainingScenarios,
  type CardValues,
  type TrainingScenario,
} from './scenarios.js';

export interface TrainingChannelOptions {
  /** Other numbers on the card than the scenario's (tests use distinctive ones). */
  values?: Partial<CardValues>;
  /** Limit for fetching the TC token; default 5 s. */
  tcTokenTimeoutMs?: number;
}

/** An SdkChannel to a simulated AusweisApp with a training card in its reader. */
export interface TrainingChannel extends SdkChannel {
  /** The scenario of the card in (or next to) the training reader. */
  readonly scenario: TrainingScenario;
  /**
   * Puts a fresh card of another scenario on the training reader, with the READER events a
   * real card change makes. TrainingCardError for an unknown scenario or a card in use.
   */
  insertCard(scenarioId: string): void;
  /** Simulates AusweisApp dying: the channel closes unexpectedly. */
  crash(): void;
}

/**
 * Opens a session with a fresh training card in the given scenario. The card keeps its state
 * (retry counter, PIN, PUK uses) across workflows for as long as the channel is open.
 */
export function createTrainingChannel(
  scenarioId: string,
  options: TrainingChannelOptions = {},
): TrainingChannel {
  return new InProcessChannel(scenarioOrThrow(scenarioId), options);
}

function scenarioOrThrow(id: string): TrainingScenario {
  const scenario = findScenario(id);
  if (scenario) return scenario;
  const known = trainingScenarios.map((candidate) => candidate.id).join(', ');
  throw new TrainingCardError(
    'unknown-scenario',
    `unknown training scenario "${id}" (known: ${known})`,
  );
}

/**
 * Delivers each message on a later turn of the event loop, one per turn, like frames from a
 * real peer: never synchronously inside `send`, and with room for the client to react between
 * two messages.
 */
class InProcessChannel implements TrainingChannel {
  #scenario: TrainingScenario;
  readonly #values: Partial<CardValues> | undefined;
  readonly #ausweisApp: TrainingAusweisApp;
  readonly #messageListeners = new Set<(message: unknown) => void>();
  readonly #closeListeners = new Set<(closed: ChannelClosed) => void>();
  readonly #outbox: Json[] = [];
  #delivering = false;
  #closed = false;

  constructor(scenario: TrainingScenario, options: TrainingChannelOptions) {
    this.#scenario = scenario;
    this.#values = options.values;
    this.#ausweisApp = new TrainingAusweisApp(this.#cardOf(scenario), (m) => this.#queue(m), {
      tcTokenTimeoutMs: options.tcTokenTimeoutMs ?? 5_000,
    });
    this.#ausweisApp.connected();
  }

  get closed(): boolean {
    return this.#closed;
  }

  get scenario(): TrainingScenario {
    return this.#scenario;
  }

  insertCard(scenarioId: string): void {
    if (this.#closed) throw new Error('training channel is closed, no card inserted');
    const scenario = scenarioOrThrow(scenarioId);
    this.#ausweisApp.replaceCard(this.#cardOf(scenario));
    this.#scenario = scenario;
  }

  #cardOf(scenario: TrainingScenario): TrainingCard {
    return new TrainingCard({ ...scenario.values, ...this.#values }, scenario.setup);
  }

  send(command: TaggedCommand): void {
    if (this.#closed) throw new Error(`training channel is closed, ${command.cmd} not sent`);
    // Through the wire format, so the training AusweisApp sees exactly what the real one would.
    this.#ausweisApp.handle(JSON.parse(serializeCommand(command)) as Json);
  }

  onMessage(listener: (message: unknown) => void): () => void {
    this.#messageListeners.add(listener);
    return () => this.#messageListeners.delete(listener);
  }

  onClose(listener: (closed: ChannelClosed) => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  close(): void {
    this.#shutDown({ expected: true, reason: 'closed by client' });
  }

  crash(): void {
    this.#shutDown({ expected: false, reason: 'training AusweisApp crashed' });
  }

  #shutDown(closed: ChannelClosed): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#outbox.length = 0;
    this.#ausweisApp.disconnected();
    setImmediate(() => {
      for (const listener of [...this.#closeListeners]) listener(closed);
      this.#closeListeners.clear();
      this.#messageListeners.clear();
    });
  }

  #queue(message: Json): void {
    if (this.#closed) return;
    this.#outbox.push(message);
    if (!this.#delivering) {
      this.#delivering = true;
      setImmediate(() => this.#deliverNext());
    }
  }

  #deliverNext(): void {
    const message = this.#outbox.shift();
    if (message === undefined || this.#closed) {
      this.#delivering = false;
      return;
    }
    setImmediate(() => this.#deliverNext());
    for (const listener of [...this.#messageListeners]) listener(message);
  }
}

import { TrainingCardError, type EidSource } from '@sidbox/eid';
import type { Logger } from '@sidbox/runtime';
import { ControlError } from '../control/reply.js';
import type { SessionController } from '../session/controller.js';
import type { EidSession } from '../session/eid-session.js';
import type { ActionHandlers } from './actions.js';
import { untilIdle } from './citizen-session.js';
import type { Part } from './part.js';

export interface TrainingModeOptions {
  eid: Pick<EidSession, 'training' | 'insertTrainingCard' | 'switchSource'>;
  session: Pick<SessionController, 'snapshot' | 'dispatch' | 'on'>;
  /** The real AusweisApp, for when staff switch training mode off. */
  ausweisApp: EidSource;
  publish: () => void;
  logger: Logger;
}

/** Training mode: the training card staff put in the reader, and switching the mode. */
export class TrainingMode implements Part {
  readonly name = 'training mode';
  readonly #options: TrainingModeOptions;

  constructor(options: TrainingModeOptions) {
    this.#options = options;
  }

  readonly actions: Pick<ActionHandlers, 'training-scenario'> = {
    'training-scenario': ({ scenario }) => this.#insertCard(scenario),
  };

  /**
   * Staff switch training mode on or off: the citizen session, if any, ends and is wiped first;
   * then the eID source changes (training card or the real AusweisApp).
   */
  async switchTo(on: boolean): Promise<void> {
    const { eid, session, logger } = this.#options;
    if (on === eid.training) return;
    logger.info({ training: on }, 'staff switch training mode');
    if (session.snapshot.phase !== 'idle') {
      const idle = untilIdle(session);
      session.dispatch({ type: 'end' });
      await idle;
    }
    await eid.switchSource(
      on ? { kind: 'training', scenario: 'normal' } : this.#options.ausweisApp,
    );
    logger.info({ training: eid.training }, 'training mode switched');
    this.#options.publish();
  }

  /** Training: staff put a card of `scenario` in the training reader. */
  #insertCard(scenario: string): void {
    try {
      this.#options.eid.insertTrainingCard(scenario);
    } catch (error) {
      if (!(error instanceof TrainingCardError)) throw error;
      const code = error.code === 'unknown-scenario' ? 'bad-request' : 'not-now';
      throw new ControlError(code, error.message);
    }
    this.#options.logger.info({ scenario }, 'training card inserted');
    this.#options.publish();
  }
}

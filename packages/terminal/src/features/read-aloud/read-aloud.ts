import type { Logger } from '@sidbox/runtime';
import { ControlError } from '../../control/reply.js';
import type { ActionHandlers } from '../../daemon/actions.js';
import type { Part, PartView } from '../../daemon/part.js';
import type { Speaker } from '../../devices/speech/speaker.js';

export interface ReadAloudOptions {
  /** Without one the kiosk shows no speaker button. */
  speaker: Speaker | undefined;
  /** The citizen's language, to read in. */
  language: () => string;
  logger: Logger;
}

/**
 * The read-aloud button: one text at a time (a new one stops the one before), stopped at
 * session end. The text never reaches a log.
 */
export class ReadAloud implements Part {
  readonly name = 'read-aloud';
  readonly #options: ReadAloudOptions;
  #available = false;

  constructor(options: ReadAloudOptions) {
    this.#options = options;
  }

  readonly actions: Pick<ActionHandlers, 'speak' | 'speak-stop'> = {
    speak: ({ text }) => this.#speak(text),
    'speak-stop': () => this.stop(),
  };

  /** Asks the speaker once whether it works; a failing check means no read-aloud button. */
  async start(): Promise<void> {
    this.#available = (await this.#options.speaker?.available().catch(() => false)) ?? false;
    this.#options.logger.info({ available: this.#available }, 'read-aloud');
  }

  view(): PartView {
    return { speech: this.#available };
  }

  sessionEnds(): void {
    this.stop();
  }

  stop(): void {
    this.#options.speaker?.stop();
  }

  #speak(text: string): void {
    const { speaker, logger } = this.#options;
    if (!speaker || !this.#available) throw new ControlError('not-now', 'no speech synthesizer');
    const language = this.#options.language();
    speaker.stop();
    speaker.speak(text, language).catch((error: unknown) => {
      // The error of a synthesizer may quote its input: only its name goes to the log.
      const name = error instanceof Error ? error.name : 'unknown';
      logger.warn({ error: name, language }, 'read-aloud failed');
    });
  }
}

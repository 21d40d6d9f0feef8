import type { Logger } from '@sidbox/runtime';
import { ControlError } from '../control/reply.js';

/** A local speech synthesizer (espeak-ng on the stick); never a cloud service. */
export interface Speaker {
  available(): Promise<boolean>;
  speak(text: string, language: string): Promise<void>;
  stop(): void;
}

/**
 * The read-aloud button's side in the daemon: one text at a time (a new one stops the one
 * before), stopped at session end. The text never reaches a log.
 */
export class ReadAloud {
  readonly #speaker: Speaker | undefined;
  readonly #logger: Logger;
  #available = false;

  constructor(speaker: Speaker | undefined, logger: Logger) {
    this.#speaker = speaker;
    this.#logger = logger;
  }

  /** Asks the speaker once whether it works; a failing check means no read-aloud button. */
  async start(): Promise<void> {
    this.#available = (await this.#speaker?.available().catch(() => false)) ?? false;
    this.#logger.info({ available: this.#available }, 'read-aloud');
  }

  get available(): boolean {
    return this.#available;
  }

  speak(text: string, language: string): void {
    const speaker = this.#speaker;
    if (!speaker || !this.#available) throw new ControlError('not-now', 'no speech synthesizer');
    speaker.stop();
    speaker.speak(text, language).catch((error: unknown) => {
      // The error of a synthesizer may quote its input: only its name goes to the log.
      const name = error instanceof Error ? error.name : 'unknown';
      this.#logger.warn({ error: name, language }, 'read-aloud failed');
    });
  }

  stop(): void {
    this.#speaker?.stop();
  }
}

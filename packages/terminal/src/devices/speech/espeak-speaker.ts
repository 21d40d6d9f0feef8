import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { isExecutable } from '../find-executable.js';
import { runCommand } from '../run-command.js';
import { parseVoiceLanguages, voiceFor } from './voice.js';

export interface EspeakSpeakerConfig {
  /** Reads a WAV stream on stdin and plays it; `aplay -q` (ALSA's default device) when unset. */
  player?: readonly string[];
  /** Words per minute; espeak-ng's 175 is hurried for someone hearing the screen for the first time. */
  wordsPerMinute?: number;
  /** The synthesizer binary; Debian's `espeak-ng` when unset. */
  espeak?: string;
}

/** Synthesizer or player failed; the text is never part of it. */
export class SpeechError extends Error {
  override readonly name = 'SpeechError';
  readonly code = 'speech-failed';
  readonly messageKey = 'speech.failed';
}

/** One utterance: synthesizer and player, each the leader of its own process group. */
interface Utterance {
  processes: ChildProcess[];
  stopped: boolean;
}

/**
 * Reads text aloud with the local espeak-ng, no cloud service: espeak-ng writes WAV to a pipe
 * that the player reads. The text goes in on stdin, never in argv (which `ps` shows to anyone),
 * and is never logged. One utterance at a time: a new one, or stop(), ends the running one.
 */
export class EspeakSpeaker {
  readonly #player: readonly string[];
  readonly #espeak: string;
  readonly #wordsPerMinute: number;
  #voices: Promise<Set<string>> | undefined;
  #current: Utterance | undefined;
  /** Bumped by every speak and stop, so a speak that was overtaken while starting stays silent. */
  #turn = 0;

  constructor(config: EspeakSpeakerConfig = {}) {
    this.#player = config.player ?? ['aplay', '-q'];
    this.#espeak = config.espeak ?? 'espeak-ng';
    this.#wordsPerMinute = config.wordsPerMinute ?? 150;
  }

  /** espeak-ng runs and the player (and setpriv) exist: the kiosk may show its read-aloud button. */
  async available(): Promise<boolean> {
    const [version, player, setpriv] = await Promise.all([
      runCommand(this.#espeak, ['--version']),
      isExecutable(this.#player[0] ?? ''),
      isExecutable('setpriv'),
    ]);
    return version.code === 0 && player && setpriv;
  }

  /** Resolves when playback ends or is stopped; rejects with a SpeechError when it fails. */
  async speak(text: string, language: string): Promise<void> {
    this.stop();
    const turn = this.#turn;
    const voice = voiceFor(language, await this.#installedVoices());
    if (turn !== this.#turn) return;

    const synthesizer = spawnInOwnGroup(
      [
        this.#espeak,
        '-v',
        voice,
        '-s',
        String(this.#wordsPerMinute),
        '-b',
        '1',
        '--stdout',
        '--stdin',
      ],
      ['pipe', 'pipe', 'ignore'],
    );
    const player = spawnInOwnGroup(this.#player, [synthesizer.stdout, 'ignore', 'ignore']);
    // Only the player may hold the pipe's reading end: if it dies, espeak-ng gets EPIPE and ends.
    synthesizer.stdout?.destroy();
    const utterance: Utterance = { processes: [synthesizer, player], stopped: false };
    this.#current = utterance;
    synthesizer.stdin?.on('error', () => undefined); // a dead synthesizer shows in its exit code
    synthesizer.stdin?.end(text);

    const succeeded = await Promise.all(utterance.processes.map(exitedCleanly));
    if (this.#current === utterance) this.#current = undefined;
    if (utterance.stopped || succeeded.every(Boolean)) return;
    throw new SpeechError(`read-aloud failed (voice ${voice}, player ${this.#player[0]})`);
  }

  /** Ends the running utterance at once, synthesizer and player with everything they started. */
  stop(): void {
    this.#turn += 1;
    const utterance = this.#current;
    this.#current = undefined;
    if (!utterance) return;
    utterance.stopped = true;
    for (const child of utterance.processes) {
      if (child.pid === undefined) continue;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone: that utterance part had finished.
      }
    }
  }

  #installedVoices(): Promise<Set<string>> {
    this.#voices ??= runCommand(this.#espeak, ['--voices']).then((out) =>
      parseVoiceLanguages(out.stdout),
    );
    return this.#voices;
  }
}

/**
 * setpriv makes the process die with the daemon, so a screen is never read on to the next
 * citizen; its own process group lets stop() reach whatever a player wrapper script started.
 */
function spawnInOwnGroup(argv: readonly string[], stdio: StdioOptions): ChildProcess {
  return spawn('setpriv', ['--pdeathsig', 'KILL', '--', ...argv], { stdio, detached: true });
}

function exitedCleanly(child: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
  });
}

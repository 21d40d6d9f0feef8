import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EspeakSpeaker } from '../src/devices/speech/espeak-speaker.js';
import { parseVoiceLanguages, voiceFor } from '../src/devices/speech/voice.js';
import { capturingPlayer, pacedPlayer, processTable, wavInfo } from './helpers/devices/audio.js';
import { firstFileIn } from './helpers/devices/first-file.js';

const SHORT_DE = 'Bitte legen Sie Ihren Ausweis auf den Kartenleser.';
const LONG_DE = `${SHORT_DE} Geben Sie dann Ihre sechsstellige PIN auf dem Tastenfeld ein. Wenn Sie Ihre PIN vergessen haben, können Sie beim Bürgeramt einen neuen PIN-Brief bestellen.`;
/** About 90 words: half a minute of speech, far longer than any stop bound below. */
const VERY_LONG_DE = Array.from({ length: 4 }, () => LONG_DE).join(' ');

let dir: string;
let files = 0;

/** Children this test process had before (a test worker runs other suites, too). */
let earlierChildren: Set<number>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-speech-'));
  earlierChildren = new Set(
    (await processTable()).filter((p) => p.parent === process.pid).map((p) => p.pid),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Speaks through a capturing player and returns the WAV that would have been played. */
async function spoken(text: string, language: string): Promise<Buffer> {
  const file = join(dir, `utterance-${(files += 1)}.wav`);
  await new EspeakSpeaker({ player: capturingPlayer(file) }).speak(text, language);
  return readFile(file);
}

/** The processes a speaker of this test process runs, and everyone in their process groups. */
async function speechProcesses(): Promise<{ leaders: number[]; members: number[] }> {
  const table = await processTable();
  const leaders = table
    .filter((p) => p.parent === process.pid && !earlierChildren.has(p.pid))
    .map((p) => p.pid);
  const members = table.filter((p) => leaders.includes(p.group)).map((p) => p.pid);
  return { leaders, members };
}

describe('read-aloud with the real espeak-ng', () => {
  it('is available with espeak-ng and a player, and not without either', async () => {
    const file = join(dir, 'unused.wav');
    expect(await new EspeakSpeaker({ player: capturingPlayer(file) }).available()).toBe(true);
    expect(await new EspeakSpeaker({ espeak: 'espeak-ng-not-installed' }).available()).toBe(false);
    expect(await new EspeakSpeaker({ player: ['no-such-player', '-q'] }).available()).toBe(false);
  });

  it('writes WAV audio whose length follows the text', async () => {
    const short = wavInfo(await spoken(SHORT_DE, 'de'));
    const long = wavInfo(await spoken(LONG_DE, 'de'));
    expect(short.riffWave).toBe(true);
    expect(long.riffWave).toBe(true);
    // 7 words at 150 words per minute: about three seconds, with pauses.
    expect(short.durationMs).toBeGreaterThan(1500);
    expect(short.durationMs).toBeLessThan(6000);
    expect(long.durationMs).toBeGreaterThan(short.durationMs * 2.5);
  });

  it('reads German and English with different voices; an unvoiced language falls back to English', async () => {
    const text = 'Guten Tag und herzlich willkommen';
    const german = await spoken(text, 'de');
    const english = await spoken(text, 'en');
    expect(german.equals(english)).toBe(false);
    expect((await spoken(text, 'xx')).equals(english)).toBe(true);
    expect((await spoken(text, 'en-GB')).equals(english)).toBe(true);
  });

  it('reads Turkish, Arabic, Ukrainian and Russian with their own voices', async () => {
    const installed = parseVoiceLanguages(
      execFileSync('espeak-ng', ['--voices'], { encoding: 'utf8' }),
    );
    for (const language of ['de', 'en', 'tr', 'ar', 'uk', 'ru'])
      expect(voiceFor(language, installed)).toBe(language);
    const arabic = wavInfo(await spoken('مرحبا بكم في محطة المواطن', 'ar'));
    expect(arabic.riffWave).toBe(true);
    expect(arabic.durationMs).toBeGreaterThan(1000);
  });

  it('stop() ends a long utterance at once and leaves no process behind', async () => {
    const sinkDir = join(dir, 'paced');
    await mkdir(sinkDir);
    const speaker = new EspeakSpeaker({ player: pacedPlayer(join(sinkDir, 'heard.wav')) });
    const started = firstFileIn(sinkDir);
    const speaking = speaker.speak(VERY_LONG_DE, 'de');
    const heardFile = await started;

    const running = await speechProcesses();
    expect(running.leaders).toHaveLength(2); // espeak-ng and the player, each its own group

    const stoppedAt = Date.now();
    speaker.stop();
    await speaking;
    const stopMs = Date.now() - stoppedAt;
    expect(stopMs).toBeLessThan(1000);
    const left = await processTable();
    expect(left.filter((p) => running.members.includes(p.pid))).toEqual([]);
    expect(left.filter((p) => running.leaders.includes(p.group))).toEqual([]);
    // Cut short: far less was played than the half minute the text takes.
    expect(wavInfo(await readFile(heardFile)).durationMs).toBeLessThan(10_000);
  });

  it('a new utterance stops the running one', async () => {
    const sinkDir = join(dir, 'replaced');
    await mkdir(sinkDir);
    const file = join(sinkDir, 'heard.wav');
    const speaker = new EspeakSpeaker({ player: pacedPlayer(file) });
    const started = firstFileIn(sinkDir);
    const first = speaker.speak(VERY_LONG_DE, 'de');
    await started;
    const replacedAt = Date.now();
    const second = speaker.speak('Auf Wiedersehen', 'de');
    await first;
    expect(Date.now() - replacedAt).toBeLessThan(1000);
    await second;
    // The file now holds the second, short utterance only.
    const heard = wavInfo(await readFile(file));
    expect(heard.riffWave).toBe(true);
    expect(heard.durationMs).toBeLessThan(3000);
    expect((await speechProcesses()).leaders).toEqual([]);
  });

  it('fails with a typed error, without the text, when the player fails', async () => {
    const speaker = new EspeakSpeaker({ player: ['sh', '-c', 'exit 3'] });
    await expect(speaker.speak('Geheimer Text 4711', 'de')).rejects.toMatchObject({
      code: 'speech-failed',
      messageKey: 'speech.failed',
      message: expect.not.stringContaining('4711'),
    });
  });
});

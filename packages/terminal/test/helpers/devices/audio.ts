import { readdir, readFile } from 'node:fs/promises';

/** A player that captures the WAV stream to `file` as fast as it comes, to check the audio. */
export const capturingPlayer = (file: string): string[] => ['sh', '-c', 'cat > "$0"', file];

/**
 * FAKE sound card: the test machine has none. It takes the WAV at the rate a card plays
 * espeak-ng's 22050 Hz 16-bit mono (44.1 bytes per ms) and keeps it in `file`, so an utterance
 * lasts about as long as it would be heard, and stopping it early shows in the file's length.
 */
const pacedSink = `
const out = require('node:fs').createWriteStream(process.argv[1]);
process.stdin.on('data', (chunk) => {
  out.write(chunk);
  process.stdin.pause();
  setTimeout(() => process.stdin.resume(), chunk.length / 44.1);
});
process.stdin.on('end', () => out.end());
`;
export const pacedPlayer = (file: string): string[] => [process.execPath, '-e', pacedSink, file];

/** RIFF/WAVE facts of a streamed espeak-ng WAV (its size fields are placeholders, so count bytes). */
export function wavInfo(wav: Buffer): { riffWave: boolean; durationMs: number } {
  const riffWave =
    wav.toString('ascii', 0, 4) === 'RIFF' && wav.toString('ascii', 8, 12) === 'WAVE';
  const bytesPerSecond = wav.length >= 44 ? wav.readUInt32LE(28) : 0;
  const durationMs = bytesPerSecond ? ((wav.length - 44) / bytesPerSecond) * 1000 : 0;
  return { riffWave, durationMs };
}

interface ProcessEntry {
  pid: number;
  command: string;
  parent: number;
  group: number;
}

/** Every live process from /proc/<pid>/stat (the command name may hold spaces and parens). */
export async function processTable(): Promise<ProcessEntry[]> {
  const entries: ProcessEntry[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const close = stat.lastIndexOf(')');
    if (close < 0) continue;
    const [state, parent, group] = stat.slice(close + 2).split(' ');
    if (state === 'Z') continue;
    entries.push({
      pid: Number(name),
      command: stat.slice(stat.indexOf('(') + 1, close),
      parent: Number(parent),
      group: Number(group),
    });
  }
  return entries;
}

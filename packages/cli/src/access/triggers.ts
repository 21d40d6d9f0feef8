import { createInterface } from 'node:readline';

/**
 * With the Simulator reader nobody can put a card down, so a person (or a test) says "card
 * presented": each line on stdin (Enter) and each SIGUSR1 starts an attempt. Returns the stop.
 */
export function simulatorTriggers(
  input: NodeJS.ReadableStream,
  present: (source: 'stdin' | 'SIGUSR1') => void,
): () => void {
  const lines = createInterface({ input });
  lines.on('line', () => present('stdin'));
  const onSignal = () => present('SIGUSR1');
  process.on('SIGUSR1', onSignal);
  return () => {
    lines.close();
    process.off('SIGUSR1', onSignal);
  };
}

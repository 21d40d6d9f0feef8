/**
 * How many times a volume suite repeats its case: CI runs a fifth of the full volume to stay
 * within its 20 minutes; `npm run test:long` (SIDBOX_TEST_VOLUME=full) runs the full volume the
 * issues' acceptance names (50 offline citizens, 10 000 fuzzed requests per backend, 20 browser
 * sessions in a row). The behaviour checked is the same; only the repetitions differ.
 */
export function testVolume(full: number): number {
  return process.env.SIDBOX_TEST_VOLUME === 'full' ? full : Math.max(1, Math.ceil(full / 5));
}

import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@sidbox/runtime';

/** A real pino logger whose JSON lines end up in `lines`, for asserting on logs. */
export function captureLogs(category = 'test'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(category, { level: 'debug', destination }), lines };
}

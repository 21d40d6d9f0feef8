import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Structured JSON-line logs. `category` names the process (cli, terminal, hub); subsystems add
 * `component` with `logger.child({ component })` (a second `category` would duplicate the key). Values under these keys are censored wherever they
 * appear, as a second wall behind `Secret`: nothing should ever put a PIN there in the first place.
 */
export const redactedPaths = [
  'pin',
  'can',
  'puk',
  'newPin',
  'value',
  '*.pin',
  '*.can',
  '*.puk',
  '*.newPin',
  '*.value',
  'command.value',
];

export function createLogger(
  category: string,
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  const level = options.level ?? process.env.SIDBOX_LOG_LEVEL ?? 'info';
  return pino(
    {
      name: 'sidbox',
      level,
      base: { category },
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    options.destination ?? pino.destination(2),
  );
}

/** A logger that writes nothing, for tests and quiet CLI runs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';

/** One thing wrong with a configuration file: where (a dotted path) and what. */
export interface ConfigProblem {
  path: string;
  message: string;
}

export type ConfigErrorCode = 'config-unreadable' | 'config-not-yaml' | 'config-invalid';

/** A configuration that cannot be used; `problems` lists every reason, one per entry. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly code: ConfigErrorCode,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(formatProblems(problems));
  }
}

/** `path: message`, one problem per line, the way the `sidbox` commands print them. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems.map(({ path, message }) => `${path || '(root)'}: ${message}`).join('\n');
}

export async function readConfigFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'cannot be read';
    throw new ConfigError('config-unreadable', [{ path: file, message: reason }]);
  }
}

/** Validates YAML text against a schema; throws ConfigError with all problems, not just the first. */
export function parseYamlConfig<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
): z.output<Schema> {
  let document: unknown;
  try {
    document = parseYaml(text, { prettyErrors: false });
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message : String(error);
    throw new ConfigError('config-not-yaml', [{ path: '', message }]);
  }
  const result = schema.safeParse(document ?? {});
  if (!result.success) {
    throw new ConfigError(
      'config-invalid',
      result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

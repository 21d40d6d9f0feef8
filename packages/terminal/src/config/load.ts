import { readFile } from 'node:fs/promises';
import { LocalTerminalConfig } from '@sidbox/protocol';
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

/** `path: message`, one problem per line, the way `sidbox terminal` prints them. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems.map(({ path, message }) => `${path || '(root)'}: ${message}`).join('\n');
}

export async function loadTerminalConfig(file: string): Promise<LocalTerminalConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'cannot be read';
    throw new ConfigError('config-unreadable', [{ path: file, message: reason }]);
  }
  return parseTerminalConfig(text);
}

/** Validates YAML text; throws ConfigError with all problems, not just the first. */
export function parseTerminalConfig(text: string): LocalTerminalConfig {
  let document: unknown;
  try {
    document = parseYaml(text, { prettyErrors: false });
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message : String(error);
    throw new ConfigError('config-not-yaml', [{ path: '', message }]);
  }
  const result = LocalTerminalConfig.safeParse(document ?? {});
  if (!result.success) throw new ConfigError('config-invalid', zodProblems(result.error));
  const duplicates = duplicateServiceIds(result.data);
  if (duplicates.length > 0) throw new ConfigError('config-invalid', duplicates);
  return result.data;
}

function zodProblems(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Service ids address services on the control socket, so they must be unique. */
function duplicateServiceIds(config: LocalTerminalConfig): ConfigProblem[] {
  const seen = new Set<string>();
  return config.services.flatMap((service, index) => {
    if (!seen.has(service.id)) {
      seen.add(service.id);
      return [];
    }
    return [{ path: `services.${index}.id`, message: `duplicate service id "${service.id}"` }];
  });
}

import { LocalTerminalConfig } from '@sidbox/protocol';
import {
  ConfigError,
  parseYamlConfig,
  readConfigFile,
  type ConfigProblem,
} from '@sidbox/protocol/config-file';

export {
  ConfigError,
  formatProblems,
  type ConfigErrorCode,
  type ConfigProblem,
} from '@sidbox/protocol/config-file';

export async function loadTerminalConfig(file: string): Promise<LocalTerminalConfig> {
  return parseTerminalConfig(await readConfigFile(file));
}

/** Validates YAML text; throws ConfigError with all problems, not just the first. */
export function parseTerminalConfig(text: string): LocalTerminalConfig {
  const config = parseYamlConfig(text, LocalTerminalConfig);
  const duplicates = duplicateServiceIds(config);
  if (duplicates.length > 0) throw new ConfigError('config-invalid', duplicates);
  return config;
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

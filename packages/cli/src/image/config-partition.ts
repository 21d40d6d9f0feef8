// The config partition's content: one magic line, one JSON line, zero padding. No file system,
// so the stick needs no FAT/ext driver to read it and the personalisation needs no mount.
import { TerminalCredential } from '@sidbox/protocol';
import { ConfigError, parseTerminalConfig } from '@sidbox/terminal/operator';

export const configMagic = 'SIDBOX-CONFIG/1\n';

/** 1 MiB: far more than a configuration and a credential need, and aligned. */
export const configPartitionBytes = 1024 * 1024;

export interface ConfigPayload {
  /** sha256 of the base image (everything before the config partition) it was written for. */
  baseSha256: string;
  /** The terminal's YAML configuration, verbatim. */
  config: string;
  /** The hub credential from enrollment; null for a terminal that runs without a hub. */
  credential: TerminalCredential | null;
}

export type ConfigPartitionProblem =
  | 'config-partition-empty'
  | 'config-partition-unreadable'
  | 'config-invalid'
  | 'credential-invalid'
  | 'config-partition-too-small';

/** A config partition we cannot use; `code` is stable, `message` says what exactly. */
export class ConfigPartitionError extends Error {
  override readonly name = 'ConfigPartitionError';

  constructor(
    readonly code: ConfigPartitionProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Validates both documents first: a stick is never written with a config that would not start. */
export function encodeConfigPartition(payload: ConfigPayload, size = configPartitionBytes): Buffer {
  validateConfig(payload.config);
  if (payload.credential !== null) validateCredential(payload.credential);
  const text = `${configMagic}${JSON.stringify(payload)}\n`;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > size) {
    throw new ConfigPartitionError(
      'config-partition-too-small',
      `configuration and credential take ${bytes.length} bytes, the partition holds ${size}`,
    );
  }
  const partition = Buffer.alloc(size);
  bytes.copy(partition);
  return partition;
}

export function decodeConfigPartition(partition: Buffer): ConfigPayload {
  const magic = Buffer.from(configMagic, 'utf8');
  if (!partition.subarray(0, magic.length).equals(magic)) {
    throw new ConfigPartitionError(
      'config-partition-empty',
      'the config partition holds no SIDbox configuration (personalise the stick with sidbox image build)',
    );
  }
  const end = partition.indexOf(0x0a, magic.length);
  const parsed = parsePayload(partition.subarray(magic.length, end).toString('utf8'));
  validateConfig(parsed.config);
  const credential = parsed.credential === null ? null : validateCredential(parsed.credential);
  return { baseSha256: parsed.baseSha256, config: parsed.config, credential };
}

function parsePayload(text: string): { baseSha256: string; config: string; credential: unknown } {
  const damaged = new ConfigPartitionError(
    'config-partition-unreadable',
    'the config partition is damaged (its JSON does not parse)',
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged;
  }
  if (typeof json !== 'object' || json === null) throw damaged;
  const { baseSha256, config, credential } = json as Record<string, unknown>;
  if (typeof baseSha256 !== 'string' || !/^[0-9a-f]{64}$/.test(baseSha256)) throw damaged;
  if (typeof config !== 'string') throw damaged;
  return { baseSha256, config, credential: credential ?? null };
}

function validateConfig(yaml: string): void {
  try {
    parseTerminalConfig(yaml);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new ConfigPartitionError(
        'config-invalid',
        `configuration has problems:\n${error.message}`,
      );
    }
    throw error;
  }
}

/** Names only the paths of what is wrong: a credential holds a private key, never echoed. */
function validateCredential(credential: unknown): TerminalCredential {
  const parsed = TerminalCredential.safeParse(credential);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => i.path.join('.') || '(root)');
    throw new ConfigPartitionError(
      'credential-invalid',
      `credential is not a TerminalCredential (problems at: ${[...new Set(paths)].join(', ')})`,
    );
  }
  return parsed.data;
}

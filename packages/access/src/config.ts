import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ConfigError, parseYamlConfig, readConfigFile } from '@sidbox/protocol/config-file';
import { PublicEd25519Jwk } from '@sidbox/signing';
import { z } from 'zod';

const file = z.string().min(1).describe('a path, relative to the configuration file');
const httpUrl = z.url({ protocol: /^https?$/ });

const hubSchema = z.strictObject({
  url: httpUrl.describe('the hub, e.g. https://hub.example.org'),
  tokenFile: file.describe("a file holding the access point's token, shown once at its creation"),
  pointId: z.uuid().describe("the access point's id; the signed allowlist must name it"),
  trustAnchor: z
    .union([PublicEd25519Jwk, z.array(PublicEd25519Jwk).min(1)])
    .transform((anchor) => (Array.isArray(anchor) ? anchor : [anchor]))
    .describe("the hub's configuration signing key(s), public Ed25519 JWK"),
  timeoutMs: z.int().min(100).max(60_000).default(2000).describe('wait this long for a decision'),
  allowlistMaxAgeMinutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(24 * 60)
    .describe('an offline decision uses a cached allowlist the hub signed at most this long ago'),
});

const eidServerSchema = z.strictObject({
  origin: z.url({ protocol: /^https$/ }).describe("the association's eID-Server"),
  apiKeyFile: file.describe("a file holding the member service's API key"),
  caFile: file
    .optional()
    .describe("PEM certificate(s) to trust for the eID-Server's TLS (e.g. its self-signed one)"),
  testPki: z
    .boolean()
    .default(false)
    .describe("AusweisApp's pre-verification off for a test PKI; never in production"),
  stepTimeoutMs: z.int().min(1000).max(600_000).default(60_000),
});

const actuatorSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('mqtt'),
    url: z.url({ protocol: /^(mqtts?|wss?)$/ }),
    topic: z.string().min(1),
    payload: z.string().default('open'),
    username: z.string().optional(),
    passwordFile: file.optional(),
  }),
  z.strictObject({
    kind: z.literal('webhook'),
    url: httpUrl,
    secretFile: file.optional().describe('HMAC-SHA256 key; the signature goes in a header'),
    timeoutMs: z.int().min(100).max(60_000).default(5000),
  }),
  z.strictObject({
    kind: z.literal('gpio'),
    chip: z.string().min(1).describe('gpiochip name or number, e.g. "gpiochip0"'),
    line: z.int().min(0),
    openMs: z.int().min(10).max(60_000).default(2000),
  }),
]);

export const AccessPointConfigSchema = z.strictObject({
  hub: hubSchema,
  eidServer: eidServerSchema,
  reader: z.strictObject({
    name: z
      .string()
      .min(1)
      .describe('the AusweisApp reader: a keypad reader, or "Simulator" for tests and demos'),
  }),
  actuator: actuatorSchema,
  stateDir: file.describe('where the allowlist cache and the offline journal live'),
});
export type AccessPointConfigFile = z.infer<typeof AccessPointConfigSchema>;
export type ActuatorConfig = AccessPointConfigFile['actuator'];

/** The configuration with its secrets read and its paths resolved. */
export interface AccessPointConfig extends AccessPointConfigFile {
  secrets: {
    hubToken: string;
    eidServerApiKey: string;
    eidServerCa?: string;
    mqttPassword?: string;
    webhookSecret?: string;
  };
}

/** Reads and checks `access.yaml`; ConfigError lists every problem, secrets never appear in it. */
export async function loadAccessPointConfig(configFile: string): Promise<AccessPointConfig> {
  const parsed = parseYamlConfig(await readConfigFile(configFile), AccessPointConfigSchema);
  const base = dirname(resolve(configFile));
  const at = (path: string) => resolve(base, path);
  const problems: { path: string; message: string }[] = [];
  const read = async (path: string, key: string, trim = true): Promise<string> => {
    try {
      const text = await readFile(at(path), 'utf8');
      const value = trim ? text.trim() : text;
      if (value === '') problems.push({ path: key, message: `${path} is empty` });
      return value;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'cannot be read';
      problems.push({ path: key, message: `${path}: ${reason}` });
      return '';
    }
  };
  const { actuator } = parsed;
  const secrets: AccessPointConfig['secrets'] = {
    hubToken: await read(parsed.hub.tokenFile, 'hub.tokenFile'),
    eidServerApiKey: await read(parsed.eidServer.apiKeyFile, 'eidServer.apiKeyFile'),
  };
  if (parsed.eidServer.caFile !== undefined)
    secrets.eidServerCa = await read(parsed.eidServer.caFile, 'eidServer.caFile', false);
  if (actuator.kind === 'mqtt' && actuator.passwordFile !== undefined)
    secrets.mqttPassword = await read(actuator.passwordFile, 'actuator.passwordFile');
  if (actuator.kind === 'webhook' && actuator.secretFile !== undefined)
    secrets.webhookSecret = await read(actuator.secretFile, 'actuator.secretFile');
  if (problems.length > 0) throw new ConfigError('config-invalid', problems);
  return { ...parsed, stateDir: at(parsed.stateDir), secrets };
}

/** What the admin UI knows of an access point's access.yaml; the rest are named placeholders. */
export interface AccessPointConfigInput {
  hubUrl: string;
  pointId: string;
  /** The hub's current config-signing key (public JWK), when the admin may read it. */
  trustAnchor?: object | undefined;
  placeholders: { trustAnchor: string; eidServer: string; reader: string };
}

/**
 * A starting access.yaml for `sidbox access --config access.yaml` (packages/access/src/config.ts):
 * the token goes into hub-token.txt beside it, never into the file itself.
 */
export function accessPointConfig(input: AccessPointConfigInput): string {
  const quoted = (text: string) => JSON.stringify(text);
  return [
    'hub:',
    `  url: ${quoted(input.hubUrl)}`,
    '  tokenFile: hub-token.txt',
    `  pointId: ${input.pointId}`,
    `  trustAnchor: ${input.trustAnchor ? JSON.stringify(input.trustAnchor) : quoted(input.placeholders.trustAnchor)}`,
    'eidServer:',
    `  origin: ${quoted(input.placeholders.eidServer)}`,
    '  apiKeyFile: eid-server-key.txt',
    'reader:',
    `  name: ${quoted(input.placeholders.reader)}`,
    'actuator:',
    '  kind: gpio',
    '  chip: gpiochip0',
    '  line: 17',
    'stateDir: state',
    '',
  ].join('\n');
}

import type { AccessPointCreatedResponse } from '@sidbox/protocol';

/** What the hub answered for a new point; its token goes into hub-token.txt, never in here. */
export type AccessPointConfigInput = Pick<
  AccessPointCreatedResponse,
  'accessPoint' | 'hubUrl' | 'trustAnchor' | 'eidServerOrigin'
>;

/**
 * A starting access.yaml for `sidbox access --config access.yaml` (packages/access/src/config.ts),
 * complete from the hub's answer but for what only the site knows (the reader's name, a
 * placeholder; the door opener, a GPIO line to adapt) and the member's eID-Server API key in
 * eid-server-key.txt, which the association hands out.
 */
export function accessPointConfig(
  created: AccessPointConfigInput,
  placeholders: { reader: string },
): string {
  const quoted = (text: string) => JSON.stringify(text);
  return [
    'hub:',
    `  url: ${quoted(created.hubUrl)}`,
    '  tokenFile: hub-token.txt',
    `  pointId: ${created.accessPoint.id}`,
    `  trustAnchor: ${JSON.stringify(created.trustAnchor)}`,
    'eidServer:',
    `  origin: ${quoted(created.eidServerOrigin)}`,
    '  apiKeyFile: eid-server-key.txt',
    'reader:',
    `  name: ${quoted(placeholders.reader)}`,
    'actuator:',
    '  kind: gpio',
    '  chip: gpiochip0',
    '  line: 17',
    'stateDir: state',
    '',
  ].join('\n');
}

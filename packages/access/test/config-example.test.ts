import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYamlConfig } from '@sidbox/protocol/config-file';
import { AccessPointConfigSchema } from '../src/config.js';

const example = fileURLToPath(new URL('../../../config/examples/access.yaml', import.meta.url));

describe('config/examples/access.yaml', () => {
  it('is a valid access point configuration: a keypad reader, MQTT, the hub decides first', async () => {
    const config = parseYamlConfig(await readFile(example, 'utf8'), AccessPointConfigSchema);
    expect(config.actuator).toMatchObject({ kind: 'mqtt', topic: 'workshop/door/open' });
    expect(config.reader.name).not.toBe('Simulator');
    expect(config.eidServer.testPki).toBe(false);
    expect(config.hub.trustAnchor).toHaveLength(1);
  });
});

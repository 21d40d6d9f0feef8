import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MqttActuator } from '../src/actuators/mqtt.js';
import { startMosquitto, type Mosquitto } from './helpers/mosquitto.js';

let broker: Mosquitto;
beforeAll(async () => {
  broker = await startMosquitto();
});
afterAll(() => broker.stop());

describe('the MQTT actuator against a real mosquitto', () => {
  it('publishes the configured payload on the topic, seen by a subscriber', async () => {
    const door = await connectAsync(broker.url, { clientId: 'door-relay' });
    await door.subscribeAsync('club/door/open', { qos: 1 });
    const received = new Promise<{ topic: string; payload: string }>((resolve) =>
      door.once('message', (topic, payload) => resolve({ topic, payload: payload.toString() })),
    );
    const actuator = await MqttActuator.connect({
      url: broker.url,
      topic: 'club/door/open',
      payload: '{"open":3}',
    });
    try {
      await actuator.open();
      expect(await received).toEqual({ topic: 'club/door/open', payload: '{"open":3}' });
    } finally {
      await actuator.close();
      await door.endAsync();
    }
  });

  it('fails to open, instead of pretending, when the broker is gone', async () => {
    const other = await startMosquitto();
    const actuator = await MqttActuator.connect({ url: other.url, topic: 't', payload: 'open' });
    const offline = new Promise<void>((resolve) => actuator.onOffline(resolve));
    await other.stop();
    await offline;
    await expect(actuator.open()).rejects.toThrow('MQTT broker not connected');
    await actuator.close();
  });
});

import { connectAsync, type MqttClient } from 'mqtt';
import type { Actuator } from '../ports.js';

export interface MqttActuatorOptions {
  url: string;
  topic: string;
  payload: string;
  username?: string;
  password?: string;
}

/**
 * Publishes the configured payload (QoS 1) on a grant. The connection is opened at start and
 * kept; mqtt.js reconnects on its own, and a publish waits for the broker's PUBACK.
 */
export class MqttActuator implements Actuator {
  private constructor(
    private readonly client: MqttClient,
    private readonly options: MqttActuatorOptions,
  ) {}

  static async connect(options: MqttActuatorOptions): Promise<MqttActuator> {
    const client = await connectAsync(options.url, {
      clientId: `sidbox-access-${process.pid}`,
      connectTimeout: 5000,
      reconnectPeriod: 1000,
      ...(options.username !== undefined && { username: options.username }),
      ...(options.password !== undefined && { password: options.password }),
    });
    return new MqttActuator(client, options);
  }

  /** The broker connection was lost (mqtt.js keeps reconnecting). */
  onOffline(listener: () => void): () => void {
    this.client.on('offline', listener);
    return () => void this.client.off('offline', listener);
  }

  async open(): Promise<void> {
    if (!this.client.connected) throw new Error('MQTT broker not connected');
    await this.client.publishAsync(this.options.topic, this.options.payload, { qos: 1 });
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}

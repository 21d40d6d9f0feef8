import type { Logger } from '@sidbox/runtime';
import type { AccessPointConfig } from '../config.js';
import type { Actuator } from '../ports.js';
import { GpioActuator } from './gpio.js';
import { MqttActuator } from './mqtt.js';
import { WebhookActuator } from './webhook.js';

export { GpioActuator, MqttActuator, WebhookActuator };
export { signatureHeader, webhookSignature } from './webhook.js';

/** The configured actuator, connected (MQTT) and ready to open. */
export async function createActuator(config: AccessPointConfig, logger: Logger): Promise<Actuator> {
  const { actuator, secrets } = config;
  switch (actuator.kind) {
    case 'mqtt': {
      const mqtt = await MqttActuator.connect({
        url: actuator.url,
        topic: actuator.topic,
        payload: actuator.payload,
        ...(actuator.username !== undefined && { username: actuator.username }),
        ...(secrets.mqttPassword !== undefined && { password: secrets.mqttPassword }),
      });
      mqtt.onOffline(() => logger.warn({ event: 'mqtt-offline' }, 'MQTT broker connection lost'));
      return mqtt;
    }
    case 'webhook':
      return new WebhookActuator({
        url: actuator.url,
        timeoutMs: actuator.timeoutMs,
        ...(secrets.webhookSecret !== undefined && { secret: secrets.webhookSecret }),
      });
    case 'gpio':
      return new GpioActuator(actuator);
  }
}

import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of one hub instance (own registry, so several hubs can share a process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sidbox_hub_' });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'sidbox_hub_http_request_duration_seconds',
      help: 'HTTP request duration by route and status.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    telemetryEvents: new Counter({
      name: 'sidbox_hub_telemetry_events_total',
      help: 'Telemetry events received, by outcome (stored or duplicate).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    heartbeats: new Counter({
      name: 'sidbox_hub_heartbeats_total',
      help: 'Terminal heartbeats received.',
      registers: [registry],
    }),
  };
}

export type HubMetrics = ReturnType<typeof createMetrics>;

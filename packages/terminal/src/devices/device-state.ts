/** What `sidbox ctl devices --json` and the heartbeat show for one device. */
export interface DeviceState {
  /** The configured name, e.g. "mat", "card-reader", "printer". */
  device: string;
  kind: 'input' | 'card-reader' | 'printer' | 'scanner';
  status: 'starting' | 'ok' | 'unplugged' | 'missing' | 'stopped' | 'unavailable';
  /** Staff-facing specifics (reader names, grab result, printer state); never personal data. */
  detail?: Record<string, string | number | boolean | string[]>;
}

/** Anything that can report its state: every adapter in this folder. */
export interface ReportsState {
  state(): DeviceState;
}

/** The device list for diagnostics, in configuration order; `healthy` is the heartbeat flag. */
export function summarizeDevices(adapters: readonly ReportsState[]): {
  healthy: boolean;
  devices: DeviceState[];
} {
  const devices = adapters.map((adapter) => adapter.state());
  return { healthy: devices.every((d) => d.status === 'ok'), devices };
}

// The device adapters of issue 6: each standalone, with start()/stop(), typed events and state().
export { summarizeDevices, type DeviceState, type ReportsState } from './device-state.js';
export type { DeviceError, DeviceResult } from './result.js';
export { EvdevInput, type EvdevInputConfig, type EvdevInputEvents } from './input/evdev-input.js';
export { resolveInputDevice, type InputDeviceSelector } from './input/resolve-device.js';
export {
  CardReaderWatch,
  type CardReaderWatchConfig,
  type CardReaderWatchEvents,
} from './pcsc/card-reader-watch.js';
export { CupsPrinter, type CupsPrinterConfig, type PrintErrorCode } from './print/cups-printer.js';
export { SaneScanner, type SaneScannerConfig, type ScanErrorCode } from './scan/sane-scanner.js';

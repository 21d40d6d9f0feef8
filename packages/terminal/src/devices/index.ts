// The device adapters of issue 6 and the read-aloud speaker: each standalone, with start()/stop(),
// typed events and state() where they have them.
export { summarizeDevices, type DeviceState, type ReportsState } from './device-state.js';
export type { DeviceError, DeviceResult } from './result.js';
export { EvdevInput, type EvdevInputConfig, type EvdevInputEvents } from './input/evdev-input.js';
export { resolveInputDevice, type InputDeviceSelector } from './input/resolve-device.js';
export {
  CardReaderWatch,
  type CardReaderWatchConfig,
  type CardReaderWatchEvents,
} from './pcsc/card-reader-watch.js';
export {
  CupsPrinter,
  type CupsPrinterConfig,
  type PrintErrorCode,
  type PrinterNotice,
} from './print/cups-printer.js';
export type { PrinterProblem } from './print/printer-status.js';
export {
  SaneScanner,
  type SaneScannerConfig,
  type ScanErrorCode,
  type ScannedPage,
} from './scan/sane-scanner.js';
export { EspeakSpeaker, SpeechError, type EspeakSpeakerConfig } from './speech/espeak-speaker.js';

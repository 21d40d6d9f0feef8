import { SIMULATOR_READER } from '@sidbox/eid';
import type { DeviceSummary, EidStep } from '@sidbox/protocol';

/**
 * A physical card reader is attached: AusweisApp lists one (its Simulator and the training
 * reader never count, see EidSession.readerAttached), or pcscd does (card reader awareness).
 * The kiosk view's `readerMissing` and the heartbeat's `readerAttached` both come from here.
 */
export function physicalReaderAttached(
  eid: { readerAttached(): boolean },
  devices: DeviceSummary | undefined,
): boolean {
  const pcsc = devices?.devices.some((d) => d.kind === 'card-reader' && d.status === 'ok');
  return eid.readerAttached() || pcsc === true;
}

/**
 * "Kartenleser nicht verbunden" for the citizen: never when a virtual card stands in for a real
 * one (training mode, or the Simulator in eID developer mode).
 */
export function readerMissing(virtualCard: boolean, attached: boolean): boolean {
  return !virtualCard && !attached;
}

/**
 * AusweisApp lists its Simulator reader in SDK mode, always. Only eID developer mode (tests
 * against the real AusweisApp, no card hardware) offers it to the citizen and counts it as a
 * reader; in production it would let a citizen "insert" a card that does not exist.
 */
export function offeredReaders(step: EidStep | null, developerMode: boolean): EidStep | null {
  if (developerMode || step?.step !== 'insert-card') return step;
  return { ...step, readers: step.readers.filter((reader) => reader.name !== SIMULATOR_READER) };
}

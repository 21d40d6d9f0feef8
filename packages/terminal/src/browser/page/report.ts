import type { GuardReport, KioskBarMessage } from '../page-contract.js';

/** Sends a report through the guard's CDP binding, which exists only in the guard's world. */
export function reporter(binding: string): (report: GuardReport | KioskBarMessage) => void {
  return (report) => {
    const fn: unknown = Reflect.get(globalThis, binding);
    if (typeof fn === 'function') fn(JSON.stringify(report));
  };
}

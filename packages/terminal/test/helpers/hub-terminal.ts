import type { ControlReply, EidStep, KioskActionInput, KioskView, Outcome } from '@sidbox/protocol';
import type { HubSync } from '../../src/hub-sync/hub-sync.js';
import type { TerminalDaemon } from '../../src/daemon/terminal-daemon.js';

/** Posts a kiosk UI action the way the kiosk page does: its origin and its per-launch token. */
export async function kioskAction(
  daemon: TerminalDaemon,
  action: KioskActionInput,
): Promise<ControlReply> {
  const origin = daemon.kioskOrigin;
  const token = new URL(daemon.kioskUrl).hash.slice('#k='.length);
  const response = await fetch(`${origin}/api/action`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'x-sidbox-token': token },
    body: JSON.stringify(action),
  });
  return (await response.json()) as ControlReply;
}

/** The first view the kiosk UI's event stream sends, read as the kiosk page reads it. */
export async function kioskView(daemon: TerminalDaemon): Promise<KioskView> {
  const token = new URL(daemon.kioskUrl).hash.slice('#k='.length);
  const controller = new AbortController();
  const response = await fetch(`${daemon.kioskOrigin}/api/events?token=${token}`, {
    signal: controller.signal,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('event stream ended before a view');
    text += new TextDecoder().decode(value);
    const data = /^data: (.*)$/m.exec(text);
    if (data?.[1] && text.includes('\n\n')) {
      controller.abort();
      return JSON.parse(data[1]) as KioskView;
    }
  }
}

/** Resolves with the step when the running eID workflow reaches `name`; subscribe before acting. */
export function eidStepReached<N extends EidStep['step']>(
  daemon: TerminalDaemon,
  name: N,
): Promise<Extract<EidStep, { step: N }>> {
  return new Promise((resolve) => {
    const off = daemon.eid.on('step', (step) => {
      if (step?.step === name) {
        off();
        resolve(step as Extract<EidStep, { step: N }>);
      }
    });
  });
}

export function eidOutcome(daemon: TerminalDaemon): Promise<Outcome> {
  return new Promise((resolve) => {
    const off = daemon.eid.on('outcome', (outcome) => {
      off();
      resolve(outcome);
    });
  });
}

export function configApplied(daemon: TerminalDaemon): Promise<number> {
  return new Promise((resolve) => {
    const off = daemon.on('config-applied', ({ version }) => {
      off();
      resolve(version);
    });
  });
}

/** Resolves once the outbox is empty: now, or on the `delivered` event that empties it. */
export function outboxDrained(sync: HubSync): Promise<void> {
  return new Promise((resolve) => {
    if (sync.status().pending === 0) return resolve();
    const off = sync.on('delivered', ({ pending }) => {
      if (pending === 0) {
        off();
        resolve();
      }
    });
  });
}

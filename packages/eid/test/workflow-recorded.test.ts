import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EidStep } from '@sidbox/protocol';
import type { UserAction } from '../src/workflow/actions.js';
import type { MachineConfig } from '../src/workflow/machine.js';
import { Harness, SIMULATOR, config, frames as f } from './helpers/workflow.js';

/**
 * Replays what AusweisApp 1.26.2 really sent (test/fixtures/recorded) into the machine and
 * checks that the machine sends exactly the commands that were recorded.
 */

type Line = { dir: 'in' | 'out'; frame: Record<string, unknown> };

function recording(name: string): Line[] {
  const text = readFileSync(new URL(`fixtures/recorded/${name}.jsonl`, import.meta.url), 'utf8');
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
  // The client's handshake (GET_INFO, API level) is not the workflow's; it starts at the reader list.
  return lines.slice(lines.findIndex((line) => line.frame.cmd === 'GET_READER_LIST'));
}

/** What a kiosk citizen does on the Simulator (a keypad reader). */
function simulatorCitizen(step: EidStep): UserAction | undefined {
  switch (step.step) {
    case 'insert-card':
      return { type: 'insert-card', reader: SIMULATOR };
    case 'enter-pin':
      return { type: 'pin' };
    case 'enter-new-pin':
      return { type: 'new-pin' };
    default:
      return undefined;
  }
}

function replay(lines: Line[], machineConfig: MachineConfig): Harness {
  const h = new Harness(machineConfig);
  let answered: EidStep | undefined;
  for (const line of lines) {
    if (line.dir === 'out') continue;
    h.msg(line.frame);
    if (h.state.step !== answered) {
      answered = h.state.step;
      const action = simulatorCitizen(h.state.step);
      if (action) h.ok(action);
    }
  }
  const recordedOut = lines.filter((line) => line.dir === 'out').map((line) => line.frame);
  expect(JSON.parse(JSON.stringify(h.sent))).toEqual(recordedOut);
  return h;
}

describe('recorded AusweisApp 1.26.2 sequences', () => {
  it('change PIN on the Simulator ends with pin-changed', () => {
    const h = replay(recording('change-pin-simulator'), config('change-pin'));
    expect(h.published).toEqual([
      'starting',
      'insert-card',
      'working',
      'enter-pin',
      'working',
      'enter-new-pin',
      'working',
      'done',
    ]);
    expect(h.state.step).not.toMatchObject({ step: 'insert-card' });
    expect(h.outcome).toMatchObject({ code: 'pin-changed', ok: true, retryCounter: 3 });
  });

  it('the Simulator quirk (success right after SET_CARD) still ends with pin-changed', () => {
    const lines = recording('change-pin-simulator');
    const setCard = lines.findIndex((line) => line.frame.cmd === 'SET_CARD');
    const quirk: Line[] = [
      ...lines.slice(0, setCard + 1),
      { dir: 'in', frame: f.changePinDone(true) },
    ];
    expect(replay(quirk, config('change-pin')).outcome?.code).toBe('pin-changed');
  });

  it('auth against an unreachable eID server (developer mode) keeps the refresh url', () => {
    const run = {
      cmd: 'RUN_AUTH',
      tcTokenURL: 'http://127.0.0.1:18080/tctoken',
      developerMode: true,
    } as const;
    const h = replay(recording('auth-unreachable-eid-server-devmode'), config('auth', { run }));
    expect(h.outcome).toMatchObject({
      code: 'provider-unreachable',
      url: 'http://127.0.0.1:18080/refresh?id=1',
      detail: { minor: expect.stringContaining('trustedChannelEstablishmentFailed') },
    });
    expect(h.published).toContain('working');
  });

  it('auth with an unreachable TC token URL has no url', () => {
    const run = {
      cmd: 'RUN_AUTH',
      tcTokenURL: 'https://127.0.0.1:1/tctoken',
      developerMode: false,
    } as const;
    const h = replay(recording('auth-unreachable-tctoken'), config('auth', { run }));
    expect(h.outcome?.code).toBe('provider-unreachable');
    expect(h.outcome).not.toHaveProperty('url');
  });
});

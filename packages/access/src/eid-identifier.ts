import { startAuthentication, type AusweisAppSupervisor, type EidWorkflow } from '@sidbox/eid';
import type { EidStep } from '@sidbox/protocol';
import type { Logger } from '@sidbox/runtime';
import type { EidServerClient } from './eid-server-client.js';
import type { Identification, Identifier } from './ports.js';

export interface EidIdentifierOptions {
  eidServer: Pick<EidServerClient, 'startSession' | 'result'>;
  ausweisApp: Pick<AusweisAppSupervisor, 'whenReady'>;
  /** The reader whose card is used; "Simulator" gets AusweisApp's simulated card inserted. */
  reader: string;
  /** Where AusweisApp goes after the card phase: the eID-Server's own origin (certificate check only). */
  refreshAddress: string;
  stepTimeoutMs: number;
  logger: Logger;
}

/**
 * One eID authentication for the member's pseudonym: a session at the eID-Server asking for
 * `restrictedId` only, AusweisApp runs it (consent to exactly that; the PIN is typed on the
 * reader's keypad, as an access point has no screen), and the eID-Server's result gives the
 * pseudonym. A reader without a keypad cannot take a PIN here: the attempt gives up.
 */
export class EidIdentifier implements Identifier {
  constructor(private readonly options: EidIdentifierOptions) {}

  async identify(): Promise<Identification> {
    const { eidServer, ausweisApp, stepTimeoutMs, logger } = this.options;
    try {
      const session = await eidServer.startSession(this.options.refreshAddress);
      const client = await ausweisApp.whenReady();
      const workflow = startAuthentication(client, {
        tcTokenURL: session.tcTokenURL,
        stepTimeoutMs,
        logger,
      });
      const outcome = await this.#drive(workflow);
      if (!outcome.ok) return { ok: false, reason: `eid-${outcome.code}` };
      const result = await eidServer.result(session.sessionId);
      if (result.status !== 'success') return { ok: false, reason: `eid-server-${result.status}` };
      if (result.restrictedId === undefined) return { ok: false, reason: 'eid-no-pseudonym' };
      return { ok: true, restrictedIdHex: result.restrictedId };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return { ok: false, reason: typeof code === 'string' ? code : 'eid-error' };
    }
  }

  async #drive(workflow: EidWorkflow) {
    const answer = (step: EidStep): void => {
      const action = answerStep(step, this.options.reader);
      if (action) workflow.act(action);
    };
    const unsubscribe = workflow.onStep(answer);
    answer(workflow.step);
    try {
      return await workflow.done;
    } finally {
      unsubscribe();
    }
  }
}

const keypadInputs = { 'enter-pin': 'pin', 'enter-can': 'can', 'enter-puk': 'puk' } as const;

/** How the access point answers a step, as a citizen at a keypad reader would. Pure. */
export function answerStep(
  step: EidStep,
  reader: string,
): Parameters<EidWorkflow['act']>[0] | undefined {
  switch (step.step) {
    case 'access-rights':
      // Only restrictedId is asked; any optional right is refused.
      return { type: 'accept', deselect: step.optional };
    case 'insert-card':
      return step.readers.some((candidate) => candidate.name === reader && candidate.insertable)
        ? { type: 'insert-card', reader }
        : undefined;
    case 'enter-pin':
    case 'enter-can':
    case 'enter-puk':
      return step.keypad ? { type: keypadInputs[step.step] } : { type: 'give-up' };
    case 'enter-new-pin':
      return { type: 'give-up' };
    case 'starting':
    case 'working':
    case 'done':
      return undefined;
  }
}

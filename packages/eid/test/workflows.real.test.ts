import type { EidStep } from '@sidbox/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SdkClient } from '../src/sdk/client.js';
import { startAuthentication, startChangePin, type EidWorkflow } from '../src/workflow/runner.js';
import { ausweisAppSupervisor, nextEvent, stopAllAusweisApps } from './helpers/ausweisapp.js';
import { unreachableEidServerProvider } from './helpers/tc-token.js';

// The eID workflows on the real AusweisApp2 1.26.2 and its Simulator reader (a keypad reader:
// values are "typed on the reader", so actions carry none).
afterEach(stopAllAusweisApps);

/** Answers the Simulator's steps like a citizen at a keypad reader would. */
function answerLikeACitizen(workflow: EidWorkflow): void {
  const answer = (step: EidStep): void => {
    if (step.step === 'insert-card') workflow.act({ type: 'insert-card', reader: 'Simulator' });
    if (step.step === 'enter-pin') workflow.act({ type: 'pin' });
    if (step.step === 'enter-new-pin') workflow.act({ type: 'new-pin' });
  };
  workflow.onStep(answer);
  answer(workflow.step);
}

function reached(workflow: EidWorkflow, name: EidStep['step']): Promise<EidStep> {
  return new Promise((resolve) => {
    if (workflow.step.step === name) resolve(workflow.step);
    const off = workflow.onStep((step) => {
      if (step.step !== name) return;
      off();
      resolve(step);
    });
  });
}

let provider: Awaited<ReturnType<typeof unreachableEidServerProvider>>;
let base: string;

beforeAll(async () => {
  provider = await unreachableEidServerProvider();
  base = provider.base;
});

afterAll(() => provider.close());

describe('eID workflows on the real AusweisApp', () => {
  it('changes the PIN with the Simulator card', async () => {
    const client = await ausweisAppSupervisor().start();
    const workflow = startChangePin(client);
    answerLikeACitizen(workflow);
    expect(await workflow.done).toMatchObject({ code: 'pin-changed', ok: true, training: false });
  });

  it('maps an unreachable TC token URL to provider-unreachable, with no address to go on to', async () => {
    const client = await ausweisAppSupervisor().start();
    const outcome = await startAuthentication(client, {
      tcTokenURL: 'https://127.0.0.1:1/tctoken',
    }).done;
    expect(outcome).toMatchObject({ workflow: 'auth', code: 'provider-unreachable', ok: false });
    expect(outcome.url).toBeUndefined();
    expect(outcome.detail?.minor).toMatch(/trustedChannelEstablishmentFailed$/);
  });

  it('hands on the address AusweisApp names when the eID server is unreachable', async () => {
    const client = await ausweisAppSupervisor().start();
    const outcome = await startAuthentication(client, {
      tcTokenURL: `${base}/tctoken`,
      developerMode: true,
    }).done;
    // Observed on 1.26.2: the refresh address, not the communication-error address.
    expect(outcome).toMatchObject({
      code: 'provider-unreachable',
      url: `${base}/refresh?session=1`,
    });
  });

  it('cancels mid-workflow', async () => {
    const client = await ausweisAppSupervisor().start();
    const workflow = startChangePin(client);
    await reached(workflow, 'insert-card');
    workflow.cancel();
    expect(await workflow.done).toMatchObject({ code: 'cancelled', ok: false });
    // AusweisApp is free for the next workflow.
    const next = startChangePin(client);
    answerLikeACitizen(next);
    expect(await next.done).toMatchObject({ code: 'pin-changed' });
  });

  it('ends with eid-client-crashed within 2 s of kill -9, and the restarted AusweisApp works', async () => {
    const supervisor = ausweisAppSupervisor({ backoff: { initialMs: 10 } });
    const client: SdkClient = await supervisor.start();
    const workflow = startChangePin(client);
    await reached(workflow, 'insert-card');
    const ready = nextEvent(supervisor, 'ready');

    const killedAt = Date.now();
    process.kill(supervisor.pid as number, 'SIGKILL');
    const outcome = await workflow.done;
    expect(Date.now() - killedAt).toBeLessThan(2000);
    expect(outcome).toMatchObject({ code: 'eid-client-crashed', ok: false });

    const { client: fresh } = await ready;
    const next = startChangePin(fresh);
    answerLikeACitizen(next);
    expect(await next.done).toMatchObject({ code: 'pin-changed' });
  });
});

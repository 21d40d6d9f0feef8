import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EidStep, Outcome } from '@sidbox/protocol';
import { Secret, silentLogger, type Logger } from '@sidbox/runtime';
import { SdkClient } from '../../src/sdk/client.js';
import { createTrainingChannel, type TrainingChannel } from '../../src/training/channel.js';
import { TRAINING_READER } from '../../src/training/messages.js';
import type { CardValues } from '../../src/training/scenarios.js';
import type { EidWorkflow } from '../../src/workflow/runner.js';

export interface Session {
  channel: TrainingChannel;
  client: SdkClient;
}

export async function openSession(
  scenario: string,
  values?: Partial<CardValues>,
  logger: Logger = silentLogger(),
): Promise<Session> {
  const channel = createTrainingChannel(scenario, values ? { values } : {});
  const client = new SdkClient(channel, { logger });
  await client.negotiateApiLevel();
  return { channel, client };
}

/** What the citizen types, in order, per step; an exhausted list means "give up". */
export interface Script {
  pin?: string[];
  can?: string[];
  puk?: string[];
  newPin?: string[];
  deselect?: string[];
  /** Called on every step; may act itself (e.g. cancel) and return true to skip the script. */
  onStep?: (step: EidStep, workflow: EidWorkflow) => boolean;
}

export interface Run {
  outcome: Outcome;
  steps: EidStep[];
}

/** Drives a workflow like a citizen at the kiosk, inserting the training card when asked. */
export async function drive(workflow: EidWorkflow, script: Script = {}): Promise<Run> {
  const steps: EidStep[] = [];
  const queues = {
    pin: [...(script.pin ?? [])],
    can: [...(script.can ?? [])],
    puk: [...(script.puk ?? [])],
    'new-pin': [...(script.newPin ?? [])],
  };
  const answer = (step: EidStep): void => {
    steps.push(step);
    if (script.onStep?.(step, workflow)) return;
    switch (step.step) {
      case 'access-rights':
        return workflow.act({ type: 'accept', deselect: script.deselect ?? [] });
      case 'insert-card':
        if (step.readers.some((reader) => reader.name === TRAINING_READER && !reader.card)) {
          workflow.act({ type: 'insert-card', reader: TRAINING_READER });
        }
        return;
      case 'enter-pin':
      case 'enter-can':
      case 'enter-puk':
      case 'enter-new-pin': {
        const kind = step.step.slice('enter-'.length) as keyof typeof queues;
        const value = queues[kind].shift();
        return workflow.act(
          value === undefined ? { type: 'give-up' } : { type: kind, value: Secret.digits(value) },
        );
      }
    }
  };
  workflow.onStep(answer);
  answer(workflow.step);
  const outcome = await workflow.done;
  return { outcome, steps };
}

export function stepNames(run: Run): string[] {
  return run.steps.map((step) => step.step).filter((name, i, all) => name !== all[i - 1]);
}

/** A local provider serving a TC token, a redirect to it, and a redirect to an error page. */
export async function startProvider(): Promise<{
  base: string;
  server: Server;
  close: () => Promise<void>;
}> {
  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    switch (request.url) {
      case '/tctoken':
        response.setHeader('content-type', 'text/xml');
        response.end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<TCTokenType>\n` +
            `  <ServerAddress>https://eid.example/paos</ServerAddress>\n` +
            `  <SessionIdentifier>1234</SessionIdentifier>\n` +
            `  <RefreshAddress>${base}/refresh?session=1&amp;lang=de</RefreshAddress>\n` +
            `  <CommunicationErrorAddress>${base}/error</CommunicationErrorAddress>\n` +
            `  <Binding>urn:liberty:paos:2006-08</Binding>\n</TCTokenType>\n`,
        );
        return;
      case '/redirect-to-token':
        response.writeHead(303, { location: '/tctoken' }).end();
        return;
      case '/redirect-to-page':
        response.writeHead(302, { location: `${base}/sorry` }).end();
        return;
      default:
        response.setHeader('content-type', 'text/html');
        response.end('<html><body>no token here</body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { TRAINING_READER };

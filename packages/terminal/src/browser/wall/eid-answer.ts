import type { CDPSession } from 'puppeteer-core';
import type { RequestContext } from '../decide-navigation.js';
import {
  notFoundAnswer,
  redirectAnswer,
  scriptStartAnswer,
  statusAnswer,
  type EidClientRequest,
  type HttpAnswer,
} from '../eid-client.js';
import type { BlockReason, EidStartAnswer, EidStartRequest } from '../kiosk-browser.js';

export interface EidAnswerJob {
  session: CDPSession;
  /** The paused request. */
  requestId: string;
  context: RequestContext;
  request: EidClientRequest;
  /** The page that started it. */
  initiator: string;
  handler: (request: EidStartRequest) => Promise<EidStartAnswer>;
  /** Shows a URL in the citizen's view (the top-level page). */
  showInView: (url: string) => Promise<void> | undefined;
  block: (reason: BlockReason) => void;
}

async function fulfill(session: CDPSession, requestId: string, answer: HttpAnswer): Promise<void> {
  await session.send('Fetch.fulfillRequest', {
    requestId,
    responseCode: answer.status,
    responseHeaders: Object.entries(answer.headers).map(([name, value]) => ({ name, value })),
    body: Buffer.from(answer.body).toString('base64'),
  });
}

/**
 * Answers a paused request to the eID-Client port the way an eID-Client does, without any
 * network: `?Status` probes directly; a start after the daemon's handler decided where the
 * citizen goes next. Everything else on the port is refused, so no page ever reaches a real
 * AusweisApp.
 */
export async function answerEidClient(job: EidAnswerJob): Promise<void> {
  const { session, requestId, context, request } = job;
  if (request.kind === 'status') {
    await fulfill(session, requestId, statusAnswer(request.format));
    return;
  }
  if (request.kind === 'other') {
    if (context === 'top-level')
      await fulfill(session, requestId, { ...notFoundAnswer(), status: 204 });
    else await session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
    job.block('origin-not-allowed');
    return;
  }

  const answer = await job.handler({ tcTokenURL: request.tcTokenURL, initiator: job.initiator });
  if (context === 'top-level') {
    // The request may be gone if the daemon showed its own screens meanwhile: then show the
    // answer ourselves, so the citizen still ends on the refresh (or error) address.
    const answered = await fulfill(session, requestId, redirectAnswer(answer.url)).then(
      () => true,
      () => false,
    );
    if (!answered) await job.showInView(answer.url);
    return;
  }
  const reply =
    context === 'subresource'
      ? scriptStartAnswer(answer.url)
      : { status: 204, headers: {}, body: '' };
  await fulfill(session, requestId, reply).catch(() => undefined);
  await job.showInView(answer.url);
}

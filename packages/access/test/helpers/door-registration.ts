import { AusweisAppSupervisor, startAuthentication } from '@sidbox/eid';
import type { EidStep, Outcome } from '@sidbox/protocol';
import { silentLogger } from '@sidbox/runtime';
import {
  lostSimulatorRace,
  SIMULATOR_ATTEMPTS,
} from '../../../eid-server/test/helpers/eid-server.js';
import { httpsRequest, type HttpsAnswer } from '../../../eid-server/test/helpers/https-client.js';

export interface DoorAppSite {
  /** The eID-Server's origin and the TLS certificate to trust there. */
  origin: string;
  ca: string;
  /** The eID-Server's log lines, to tell a lost Simulator race. */
  logLines: string[];
}

/**
 * A citizen registers the Simulator card at a member's door app as at the terminal: the app's
 * page with the code the admin handed out, its start link, then AusweisApp with the Simulator
 * (PIN typed "on the reader"), and the result page the RefreshAddress shows. Run again only
 * after a lost Simulator race. Returns the result page.
 */
export async function registerAtDoorApp(
  site: DoorAppSite,
  appId: string,
  code: string,
): Promise<HttpsAnswer> {
  const get = (path: string) => httpsRequest(new URL(path, site.origin).href, { ca: site.ca });
  const page = await get(`/apps/${appId}?lang=de&code=${code}`);
  const start = /href="(\/apps\/[^"]+\/start[^"]*)"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
  if (page.status !== 200 || start === undefined)
    throw new Error(`the app's page has no start link (${page.status})`);
  for (let attempt = 1; ; attempt++) {
    const started = await get(start);
    const tcTokenURL = new URL(String(started.headers['location'])).searchParams.get('tcTokenURL');
    if (started.status !== 303 || !tcTokenURL) throw new Error(`${start}: ${started.status}`);
    const outcome = await runSimulator(tcTokenURL);
    const sessionId = new URL(tcTokenURL).pathname.split('/').at(-1) ?? '';
    if (attempt < SIMULATOR_ATTEMPTS && lostSimulatorRace(site, sessionId)) continue;
    if (outcome.code !== 'auth-success' || outcome.url === undefined)
      throw new Error(`registration failed: ${JSON.stringify(outcome)}`);
    const result = new URL(outcome.url);
    return get(result.pathname + result.search);
  }
}

/** One authentication with a fresh AusweisApp, consenting and inserting the Simulator card. */
async function runSimulator(tcTokenURL: string): Promise<Outcome> {
  const supervisor = new AusweisAppSupervisor({ acceptTestPki: true, logger: silentLogger() });
  try {
    const workflow = startAuthentication(await supervisor.start(), { tcTokenURL });
    const answer = (step: EidStep): void => {
      if (step.step === 'access-rights') workflow.act({ type: 'accept' });
      if (step.step === 'insert-card') workflow.act({ type: 'insert-card', reader: 'Simulator' });
      if (step.step === 'enter-pin') workflow.act({ type: 'pin' });
    };
    workflow.onStep(answer);
    answer(workflow.step);
    return await workflow.done;
  } finally {
    await supervisor.stop();
  }
}

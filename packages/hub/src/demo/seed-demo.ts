import { randomUUID } from 'node:crypto';
import {
  ServiceEntry,
  surveyStatementIds,
  type SurveyAnswer,
  type SurveyResponse,
  type TelemetryEvent,
  type TerminalCredential,
} from '@sidbox/protocol';
import { setCounterCases } from '../api/admin/counter-cases/commands.js';
import { createMember } from '../api/admin/organisations/commands.js';
import { createEidApp } from '../api/admin/eid-apps/commands.js';
import { createOidcClient } from '../api/admin/oidc-clients/commands.js';
import { createService } from '../api/admin/services/commands.js';
import { enrollTerminal } from '../api/admin/terminals/commands.js';
import { createUser } from '../api/admin/users/commands.js';
import { ingestSurveys, ingestTelemetry } from '../api/terminal/ingest.js';
import type { HubDb } from '../db/connect.js';
import { associationSlug, findOrganisationRef, openHubDatabase } from '../hub-database.js';
import { storageTarget } from '../start-hub.js';
import { localDemoService, nationalDemoServices, selfCheckDemoService } from './catalogue.js';
import { demoEidApps } from './eid-apps.js';
import { demoOidcClients } from './oidc-clients.js';

export const demoLogin = { email: 'admin@sidbox.demo', password: 'sidbox-demo-admin' };

export interface SeedDemoInput {
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL schema (tests and benchmarks use one each). */
  databaseSchema?: string;
  /** URL terminals reach the hub at; goes into the credentials. */
  hubUrl: string;
  /** The self-check pages of a (test) eID-Server: then the catalogue offers "Online-Ausweis testen". */
  selfCheckUrl?: string;
  /**
   * The hub runs with an eID-Server: then the city has its own eID apps (`demoEidApps`) and
   * its citizen portal signs in with the ID card (`demoOidcClients`).
   */
  eidApps?: boolean;
}

/** Seed answer shares per statement (of 93), roughly as on the Bonn pilot's slides. */
const answerShares: Record<
  (typeof surveyStatementIds)[number],
  Partial<Record<SurveyAnswer, number>>
> = {
  informative: { 'fully-agree': 70, agree: 18, partly: 4, 'no-answer': 1 },
  'shows-uses': { 'fully-agree': 62, agree: 24, partly: 5, disagree: 1, 'no-answer': 1 },
  faster: {
    'fully-agree': 48,
    agree: 27,
    partly: 11,
    disagree: 4,
    'fully-disagree': 1,
    'no-answer': 2,
  },
  'permanent-terminal': { 'fully-agree': 72, agree: 16, partly: 3, 'no-answer': 2 },
  'frees-staff': {
    'fully-agree': 35,
    agree: 26,
    partly: 15,
    disagree: 5,
    'fully-disagree': 2,
    'no-answer': 10,
  },
  'security-concerns': {
    'fully-agree': 4,
    agree: 5,
    partly: 12,
    disagree: 20,
    'fully-disagree': 48,
    'no-answer': 4,
  },
};

const interviews = 93;
const pinActivations = 625;
/** The seed's "76 % online share": the rest were handled at the counter. */
const demoOnlineShare = 0.76;

function answerFor(statement: keyof typeof answerShares, index: number): SurveyAnswer {
  let seen = 0;
  for (const [answer, n] of Object.entries(answerShares[statement])) {
    seen += n;
    if (index < seen) return answer as SurveyAnswer;
  }
  return 'no-answer';
}

function demoEvents(now: Date, count: number): TelemetryEvent[] {
  const events: TelemetryEvent[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(now.getTime() - (i % 60) * 86_400_000 - i * 61_000);
    const base = { training: false, terminalTime: at.toISOString() };
    events.push({ type: 'session-started', id: randomUUID(), ...base });
    events.push({
      type: 'eid-outcome',
      id: randomUUID(),
      ...base,
      workflow: 'change-pin',
      code: 'pin-changed',
    });
    events.push({ type: 'pin-changed', id: randomUUID(), ...base });
    if (i % 3 === 0)
      events.push({
        type: 'service-opened',
        id: randomUUID(),
        ...base,
        serviceId: 'bonn-bewohnerparkausweis',
      });
    events.push({
      type: 'session-ended',
      id: randomUUID(),
      ...base,
      reason: 'mat-left',
      durationSeconds: 120 + (i % 7) * 30,
    });
  }
  return events;
}

/** Counter cases per month, in proportion to the month's terminal PIN changes. */
function demoCounterCases(events: TelemetryEvent[]): Map<string, number> {
  const pins = new Map<string, number>();
  for (const e of events)
    if (e.type === 'pin-changed') {
      const month = e.terminalTime.slice(0, 7);
      pins.set(month, (pins.get(month) ?? 0) + 1);
    }
  const ratio = (1 - demoOnlineShare) / demoOnlineShare;
  const total = Math.round(events.filter((e) => e.type === 'pin-changed').length * ratio);
  const cases = new Map<string, number>();
  let left = total;
  const months = [...pins.keys()].sort();
  months.forEach((month, i) => {
    const n = i === months.length - 1 ? left : Math.round((pins.get(month) ?? 0) * ratio);
    cases.set(month, n);
    left -= n;
  });
  return cases;
}

async function insertInBatches<T>(
  items: T[],
  size: number,
  insert: (batch: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < items.length; i += size) await insert(items.slice(i, i + size));
}

async function seed(
  db: HubDb,
  input: SeedDemoInput,
): Promise<{ credential: TerminalCredential; members: Record<'city' | 'dealer', string> }> {
  const { hubUrl } = input;
  const association = await findOrganisationRef(db, associationSlug);
  if (!association) throw new Error('demo: association missing');
  await createUser(db, undefined, {
    organisationId: association.id,
    role: 'association-admin',
    ...demoLogin,
  });
  for (const service of nationalDemoServices)
    await createService(db, undefined, ServiceEntry.parse(service));
  if (input.selfCheckUrl !== undefined)
    await createService(
      db,
      undefined,
      ServiceEntry.parse(selfCheckDemoService(input.selfCheckUrl)),
    );

  const bonn = await createMember(db, undefined, {
    slug: 'stadt-bonn',
    name: 'Stadt Bonn',
    membershipStatus: 'active',
    yearlyFeeCents: 15_000,
  });
  const dealer = await createMember(db, undefined, {
    slug: 'autohaus-gabler',
    name: 'Autohaus Gabler',
    membershipStatus: 'active',
    yearlyFeeCents: 15_000,
  });
  await createService(db, undefined, {
    ...ServiceEntry.parse(localDemoService),
    organisationId: bonn.id,
  });

  const terminal = (
    organisationId: string,
    name: string,
    location: string,
    preset: 'citizen-office' | 'car-dealer',
    training: boolean,
  ) =>
    enrollTerminal(
      db,
      undefined,
      {
        organisationId,
        name,
        location,
        kind: 'comfort',
        preset,
        training,
        languages: ['de', 'en'],
      },
      hubUrl,
    );
  const office = await terminal(
    bonn.id,
    'Bürgeramt Bonn',
    'Stadthaus, Berliner Platz 2',
    'citizen-office',
    false,
  );
  const training = await terminal(
    bonn.id,
    'Schulungsterminal',
    'Bürgeramt, Fast Lane',
    'citizen-office',
    true,
  );
  await terminal(dealer.id, 'Autohaus Verkaufsraum', 'Showroom', 'car-dealer', false);

  if (input.eidApps === true) {
    for (const app of demoEidApps) await createEidApp(db, undefined, bonn.id, app);
    for (const client of demoOidcClients) await createOidcClient(db, undefined, bonn.id, client);
  }

  const actor = { terminalId: office.terminal.id, organisationId: bonn.id };
  const events = demoEvents(new Date(), pinActivations);
  await insertInBatches(events, 500, (b) => ingestTelemetry(db, actor, b));
  for (const [month, cases] of demoCounterCases(events))
    await setCounterCases(db, undefined, { organisationId: bonn.id, month, cases });
  const responses: SurveyResponse[] = Array.from({ length: interviews }, (_, i) => ({
    id: randomUUID(),
    terminalTime: new Date(Date.UTC(2017, 11, 1 + (i % 20), 10)).toISOString(),
    training: false,
    answers: Object.fromEntries(
      surveyStatementIds.map((s) => [s, answerFor(s, i)]),
    ) as SurveyResponse['answers'],
  }));
  await ingestSurveys(db, actor, responses);
  return { credential: training.credential, members: { city: bonn.id, dealer: dealer.id } };
}

/**
 * Demo data: the association with its admin, two members (a city, a car dealer), three terminals
 * (one in training mode, whose credential is returned), a small catalogue, the Bonn survey's 93
 * interviews, 625 PIN activations and the counter cases for a 76 % online share; with `eidApps`,
 * the city's own eID apps and its citizen portal as an OIDC platform. Returns the members' ids
 * too (the eID-Server's services need them).
 */
export async function seedDemo(input: SeedDemoInput) {
  const db = await openHubDatabase(storageTarget(input));
  try {
    if (await findOrganisationRef(db, 'stadt-bonn'))
      throw new Error('demo: already seeded (stadt-bonn exists)');
    const { credential, members } = await seed(db, input);
    return { login: demoLogin, trainingCredential: credential, members };
  } finally {
    await db.destroy();
  }
}

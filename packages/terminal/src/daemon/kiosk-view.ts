import type { EidStep, KioskView, LocalTerminalConfig } from '@sidbox/protocol';
import type { SessionSnapshot } from '../session/controller.js';

export interface ViewFacts {
  config: LocalTerminalConfig;
  training: boolean;
  session: SessionSnapshot;
  eid: EidStep | null;
  cardReminder: boolean;
}

/** What the kiosk UI shows, from the daemon's facts; sent as a whole on every change. */
export function kioskView(facts: ViewFacts): KioskView {
  const { config, session } = facts;
  return {
    state: session.phase,
    services: config.services.map(({ id, title, description, category, eid }) => ({
      id,
      title,
      description,
      category,
      eid,
    })),
    languages: config.languages,
    branding: config.branding,
    training: facts.training,
    warningDeadline: session.warningDeadline,
    eid: facts.eid,
    cardReminder: facts.cardReminder,
    language: config.languages[0] ?? 'de',
    textScale: 1,
    apps: config.apps,
    readerMissing: false,
    trainingScenarios: [],
    trainingScenario: null,
    speech: false,
    staff: null,
  };
}

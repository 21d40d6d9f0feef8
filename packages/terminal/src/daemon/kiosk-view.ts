import { trainingScenarios } from '@sidbox/eid';
import type {
  EidStep,
  KioskView,
  LocalTerminalConfig,
  StaffView,
  TrainingScenarioView,
} from '@sidbox/protocol';
import type { SessionLook } from '../browser/kiosk-browser.js';
import type { SessionSnapshot } from '../session/controller.js';

export interface ViewFacts {
  config: LocalTerminalConfig;
  training: boolean;
  session: SessionSnapshot;
  eid: EidStep | null;
  cardReminder: boolean;
  look: SessionLook;
  readerMissing: boolean;
  /** The scenario of the card in the training reader; null outside training mode. */
  trainingScenario: string | null;
  speech: boolean;
  staff: StaffView | null;
}

/** The training cards staff can choose from, as the picker shows them. */
const scenarioViews: TrainingScenarioView[] = trainingScenarios.map(
  ({ id, title, description, cardValues }) => ({ id, title, description, cardValues }),
);

/** What the kiosk UI shows, from the daemon's facts; sent as a whole on every change. */
export function kioskView(facts: ViewFacts): KioskView {
  const { config, session } = facts;
  return {
    state: session.phase,
    services: config.services.map(({ id, title, description, category, eid, selfCheck }) => ({
      id,
      title,
      description,
      category,
      eid,
      selfCheck,
    })),
    languages: config.languages,
    branding: config.branding,
    training: facts.training,
    warningDeadline: session.warningDeadline,
    eid: facts.eid,
    cardReminder: facts.cardReminder,
    language: facts.look.language,
    textScale: facts.look.textScale,
    apps: config.apps,
    readerMissing: facts.readerMissing,
    trainingScenarios: facts.training ? scenarioViews : [],
    trainingScenario: facts.training ? facts.trainingScenario : null,
    speech: facts.speech,
    staff: facts.staff,
  };
}

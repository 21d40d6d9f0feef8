import { trainingScenarios } from '@sidbox/eid';
import type {
  EidStep,
  KioskView,
  LocalTerminalConfig,
  TrainingScenarioView,
} from '@sidbox/protocol';
import type { SessionSnapshot } from '../session/controller.js';
import type { PartView } from './part.js';
import { defaultLook } from './session-look.js';

export interface ViewFacts {
  config: LocalTerminalConfig;
  training: boolean;
  session: SessionSnapshot;
  eid: EidStep | null;
  readerMissing: boolean;
  /** The scenario of the card in the training reader; null outside training mode. */
  trainingScenario: string | null;
  /** What the features add; a feature left out leaves its default. */
  parts: PartView;
}

/** The training cards staff can choose from, as the picker shows them. */
const scenarioViews: TrainingScenarioView[] = trainingScenarios.map(
  ({ id, title, description, cardValues }) => ({ id, title, description, cardValues }),
);

/** What the kiosk UI shows, from the daemon's facts; sent as a whole on every change. */
export function kioskView(facts: ViewFacts): KioskView {
  const { config, session, parts } = facts;
  const look = defaultLook(config);
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
    cardReminder: parts.cardReminder ?? false,
    language: parts.language ?? look.language,
    textScale: parts.textScale ?? look.textScale,
    apps: config.apps,
    readerMissing: facts.readerMissing,
    trainingScenarios: facts.training ? scenarioViews : [],
    trainingScenario: facts.training ? facts.trainingScenario : null,
    speech: parts.speech ?? false,
    staff: parts.staff ?? null,
    phoneSetup: parts.phoneSetup ?? { offered: false, check: null },
  };
}

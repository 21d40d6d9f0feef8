import type { EidStep, KioskView } from '@sidbox/protocol';
import type { Language, Translate } from '../i18n/catalogue.js';
import { ConsentScreen } from './consent-screen.js';
import { EidButtons } from './eid-buttons.js';
import { InsertCardScreen } from './insert-card-screen.js';
import { NewPinScreen } from './new-pin-screen.js';
import { NumberEntryScreen } from './number-entry-screen.js';

/**
 * The eID screen for the step the workflow waits in. Each step is its own keyed component,
 * so whatever a screen held (a PIN being typed) is gone when the step changes.
 */
export function EidScreen(props: {
  step: Exclude<EidStep, { step: 'done' }>;
  view: KioskView;
  language: Language;
  t: Translate;
}) {
  const { step, view, language, t } = props;
  switch (step.step) {
    case 'access-rights':
      return <ConsentScreen key="consent" step={step} language={language} t={t} />;
    case 'insert-card':
      return <InsertCardScreen key="card" step={step} view={view} language={language} t={t} />;
    case 'enter-pin':
    case 'enter-can':
    case 'enter-puk':
      return <NumberEntryScreen key={step.step} step={step} t={t} />;
    case 'enter-new-pin':
      return <NewPinScreen key="new-pin" keypad={step.keypad} t={t} />;
    case 'starting':
    case 'working':
      return (
        <section class="panel" aria-labelledby="working-title">
          <div role="status">
            <h1 id="working-title">{t('eid.working')}</h1>
            <p>{t('eid.working.keepCard')}</p>
          </div>
          {step.step === 'working' && step.progress !== null && (
            <progress max={100} value={step.progress} aria-label={t('eid.progress')} />
          )}
          <EidButtons t={t} />
        </section>
      );
  }
}

import type { KioskView, TrainingScenarioView } from '@sidbox/protocol';
import { act } from '../api.js';
import type { Language, Translate } from '../i18n/catalogue.js';

/** Scenario texts exist in German and English; every other language shows the English ones. */
function scenarioLanguage(language: Language): 'de' | 'en' {
  return language === 'de' ? 'de' : 'en';
}

/**
 * For staff in training mode: which training card is "in the reader". The numbers printed on
 * the chosen card are training numbers, not secrets, so they are shown.
 */
export function TrainingPicker(props: { view: KioskView; language: Language; t: Translate }) {
  const { view, language, t } = props;
  if (!view.training || view.trainingScenarios.length === 0) return null;
  const shown = scenarioLanguage(language);
  const lang = shown === language ? undefined : shown;
  const chosen = view.trainingScenarios.find((card) => card.id === view.trainingScenario);
  return (
    <section class="training-picker" aria-labelledby="training-picker-title">
      <h2 id="training-picker-title">{t('training.picker.title')}</h2>
      <div class="scenarios">
        {view.trainingScenarios.map((card: TrainingScenarioView) => (
          <button
            key={card.id}
            type="button"
            class="scenario"
            aria-pressed={card.id === view.trainingScenario}
            onClick={() => void act({ type: 'training-scenario', scenario: card.id })}
          >
            <strong lang={lang}>{card.title[shown]}</strong>
            <span lang={lang}>{card.description[shown]}</span>
          </button>
        ))}
      </div>
      {chosen && (
        <p class="card-values" role="status">
          {t('training.picker.values')} <strong dir="ltr">{chosen.cardValues}</strong>
        </p>
      )}
    </section>
  );
}

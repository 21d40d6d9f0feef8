import type { EidStep, KioskView } from '@sidbox/protocol';
import { act } from '../api.js';
import type { Language, Translate } from '../i18n/catalogue.js';
import { TrainingPicker } from '../training/training-picker.js';
import { EidButtons } from './eid-buttons.js';
import { InsertCardPicture } from './pictures.js';

type InsertCardStep = Extract<EidStep, { step: 'insert-card' }>;

/** How to put the card on the reader; in training mode, staff choose and "insert" a card. */
export function InsertCardScreen(props: {
  step: InsertCardStep;
  view: KioskView;
  language: Language;
  t: Translate;
}) {
  const { step, view, language, t } = props;
  const insertable = step.readers.filter((reader) => reader.insertable);
  return (
    <section class="panel wide" aria-labelledby="insert-title">
      <h1 id="insert-title">{t('eid.insertCard.title')}</h1>
      {step.problem && (
        <p role="alert" class="problem">
          {t(`eid.insertCard.problem.${step.problem}`)}
        </p>
      )}
      <div class="with-picture">
        <InsertCardPicture label={t('picture.insertCard')} />
        <div>
          <p>{t('eid.insertCard.text')}</p>
          <p>{t('eid.insertCard.keep')}</p>
        </div>
      </div>
      <TrainingPicker view={view} language={language} t={t} />
      <EidButtons t={t}>
        {insertable.map((reader) => (
          <button
            key={reader.name}
            type="button"
            class="primary"
            onClick={() => void act({ type: 'eid-insert-card', reader: reader.name })}
          >
            {t('eid.trainingCard')}
          </button>
        ))}
      </EidButtons>
    </section>
  );
}

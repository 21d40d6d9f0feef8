import type { OutcomeCode } from '@sidbox/protocol';
import { act } from '../api.js';
import type { Translate } from '../i18n/catalogue.js';
import { outcomeAdvice } from './outcome-advice.js';

/**
 * The result of an eID workflow in plain words, what to do next, and the way on. After a new
 * PIN, the terminal's self-check ("Online-Ausweis testen") comes first, if it has one, and
 * "Ihr Smartphone einrichten" next to it.
 */
export function OutcomeScreen(props: {
  code: OutcomeCode;
  selfCheck?: string;
  /** "Ihr Smartphone einrichten" is offered: after a new PIN, the phone comes next. */
  phoneSetup?: boolean;
  t: Translate;
}) {
  const { code, t } = props;
  const advice = outcomeAdvice(code);
  const selfCheck = code === 'pin-changed' ? props.selfCheck : undefined;
  const phoneSetup = code === 'pin-changed' && props.phoneSetup === true;
  return (
    <section
      class={`panel outcome ${advice.success ? 'success' : 'failure'}`}
      aria-labelledby="outcome-title"
    >
      <h1 id="outcome-title">
        <span aria-hidden="true" class="outcome-mark">
          {advice.success ? '✓' : '!'}
        </span>{' '}
        {t(advice.success ? 'outcome.title.success' : 'outcome.title.failure')}
      </h1>
      <p role="status" class="outcome-text">
        {t(`outcome.${code}`)}
      </p>
      <h2>{t('outcome.nextTitle')}</h2>
      <p>{t(`outcome.next.${code}`)}</p>
      {selfCheck && <p>{t('outcome.selfCheckHint')}</p>}
      <div class="buttons">
        {selfCheck && (
          <button
            type="button"
            class="primary"
            onClick={() => void act({ type: 'open', serviceId: selfCheck })}
          >
            {t('outcome.selfCheck')}
          </button>
        )}
        {phoneSetup && (
          <button type="button" class="secondary" onClick={() => location.assign('/phone')}>
            {t('phone.open')}
          </button>
        )}
        <button type="button" class="secondary" onClick={() => location.assign('/survey')}>
          {t('outcome.toSurvey')}
        </button>
        {advice.offerPinChange && (
          <button type="button" class="secondary" onClick={() => void act({ type: 'change-pin' })}>
            {t('outcome.changePin')}
          </button>
        )}
        <button
          type="button"
          class={selfCheck ? 'secondary' : 'primary'}
          onClick={() => void act({ type: 'home' })}
        >
          {t('outcome.home')}
        </button>
      </div>
    </section>
  );
}

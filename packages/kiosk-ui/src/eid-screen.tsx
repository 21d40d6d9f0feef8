import { useState } from 'preact/hooks';
import type { EidStep } from '@sidbox/protocol';
import { act } from './api.js';
import { Buttons, DigitPad } from './controls.js';
import { NewPinScreen } from './new-pin-screen.js';
import type { MessageKey, Translate } from './i18n/catalogue.js';

/** Minimal eID screens: consent, card, PIN/CAN/PUK pad, new PIN, progress. Full flow: next issue. */
export function EidScreen({ step, t }: { step: EidStep; t: Translate }) {
  switch (step.step) {
    case 'access-rights':
      return (
        <section class="panel">
          <h1>{step.provider?.subjectName ?? t('eid.consent.title')}</h1>
          <p>{t('eid.consent.text')}</p>
          <ul>
            {[...step.required, ...step.optional].map((right) => (
              <li key={right}>{right}</li>
            ))}
          </ul>
          <Buttons t={t} onOk={() => void act({ type: 'eid-accept' })} okLabel={t('eid.accept')} />
        </section>
      );
    case 'insert-card':
      return (
        <section class="panel">
          <h1>{t('eid.insertCard.title')}</h1>
          <p>{t('eid.insertCard.text')}</p>
          {step.readers
            .filter((reader) => reader.insertable)
            .map((reader) => (
              <button
                key={reader.name}
                onClick={() => void act({ type: 'eid-insert-card', reader: reader.name })}
              >
                {t('eid.trainingCard')}
              </button>
            ))}
          <Buttons t={t} />
        </section>
      );
    case 'enter-pin':
      return (
        <NumberPad
          key="pin"
          type="eid-pin"
          title="eid.pin.title"
          prompt={step.workflow === 'change-pin' ? 'eid.currentPin.text' : 'eid.pin.text'}
          triesLeft={step.retryCounter}
          maxDigits={step.maxDigits}
          keypad={step.keypad}
          wrong={step.lastAttemptWrong}
          t={t}
        />
      );
    case 'enter-can':
      return (
        <NumberPad
          key="can"
          type="eid-can"
          title="eid.can.title"
          prompt="eid.can.text"
          maxDigits={6}
          keypad={step.keypad}
          wrong={step.lastAttemptWrong}
          t={t}
        />
      );
    case 'enter-puk':
      return (
        <NumberPad
          key="puk"
          type="eid-puk"
          title="eid.puk.title"
          prompt="eid.puk.text"
          maxDigits={10}
          keypad={step.keypad}
          wrong={step.lastAttemptWrong}
          t={t}
        />
      );
    case 'enter-new-pin':
      return <NewPinScreen keypad={step.keypad} t={t} />;
    case 'done':
      return null;
    default:
      return (
        <section class="panel">
          <div role="status">
            <h1>{t('eid.working')}</h1>
          </div>
          <Buttons t={t} />
        </section>
      );
  }
}

interface NumberPadProps {
  type: 'eid-pin' | 'eid-can' | 'eid-puk';
  title: MessageKey;
  prompt: MessageKey;
  /** Tries left, when the card told; shown once fewer than all three are left. */
  triesLeft?: number | null;
  maxDigits: number;
  keypad: boolean;
  wrong: boolean;
  t: Translate;
}

/** PIN, CAN or PUK: typed on the screen's pad, or on the reader's own keypad. */
function NumberPad(props: NumberPadProps) {
  const { type, title, prompt, triesLeft, maxDigits, keypad, wrong, t } = props;
  const [digits, setDigits] = useState('');
  const submit = () => {
    void act(keypad ? { type } : { type, value: digits });
    setDigits('');
  };
  return (
    <section class="panel">
      <h1>{t(title)}</h1>
      {wrong && <p role="alert">{t('eid.wrongNumber')}</p>}
      {triesLeft !== undefined && triesLeft !== null && triesLeft < 3 && (
        <p class="tries">{t('eid.triesLeft', { count: triesLeft })}</p>
      )}
      <p id="pad-prompt">{t(keypad ? 'eid.onReader' : prompt)}</p>
      {!keypad && <DigitPad digits={digits} maxDigits={maxDigits} onChange={setDigits} t={t} />}
      <Buttons t={t} onOk={submit} okLabel={t('eid.ok')} />
    </section>
  );
}

import { useState } from 'preact/hooks';
import type { EidStep } from '@sidbox/protocol';
import { act } from './api.js';
import type { Texts } from './texts.js';

/** Minimal eID screens: consent, card, PIN/CAN pad, progress. The full flow is the next issue. */
export function EidScreen({ step, t }: { step: EidStep; t: Texts }) {
  switch (step.step) {
    case 'access-rights':
      return (
        <section class="panel">
          <h2>{step.provider?.subjectName ?? ''}</h2>
          <p>{t.eidConsent}</p>
          <ul>
            {[...step.required, ...step.optional].map((right) => (
              <li key={right}>{right}</li>
            ))}
          </ul>
          <Buttons t={t} onOk={() => void act({ type: 'eid-accept' })} okLabel={t.accept} />
        </section>
      );
    case 'insert-card':
      return (
        <section class="panel">
          <p>{t.insertCard}</p>
          {step.readers
            .filter((reader) => reader.insertable)
            .map((reader) => (
              <button
                key={reader.name}
                onClick={() => void act({ type: 'eid-insert-card', reader: reader.name })}
              >
                {t.trainingCard}
              </button>
            ))}
          <Buttons t={t} />
        </section>
      );
    case 'enter-pin':
    case 'enter-can':
      return <NumberPad step={step} t={t} />;
    case 'done':
      return null;
    default:
      return (
        <section class="panel">
          <p>{t.eidWorking}</p>
          <Buttons t={t} />
        </section>
      );
  }
}

function NumberPad({
  step,
  t,
}: {
  step: Extract<EidStep, { step: 'enter-pin' | 'enter-can' }>;
  t: Texts;
}) {
  const [digits, setDigits] = useState('');
  const type = step.step === 'enter-pin' ? 'eid-pin' : 'eid-can';
  const prompt = step.keypad ? t.onReader : step.step === 'enter-pin' ? t.enterPin : t.enterCan;
  const submit = () => {
    void act(step.keypad ? { type } : { type, value: digits });
    setDigits('');
  };
  return (
    <section class="panel">
      <p>{prompt}</p>
      {!step.keypad && (
        <>
          <div class="pin">{'●'.repeat(digits.length) || '\u00a0'}</div>
          <div class="pad">
            {['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0'].map((key) => (
              <button
                key={key}
                onClick={() =>
                  setDigits(key === '⌫' ? digits.slice(0, -1) : (digits + key).slice(0, 6))
                }
              >
                {key}
              </button>
            ))}
          </div>
        </>
      )}
      <Buttons t={t} onOk={submit} okLabel={t.ok} />
    </section>
  );
}

function Buttons({ t, onOk, okLabel }: { t: Texts; onOk?: () => void; okLabel?: string }) {
  return (
    <div class="buttons">
      <button class="secondary" onClick={() => void act({ type: 'eid-cancel' })}>
        {t.cancel}
      </button>
      {onOk && <button onClick={onOk}>{okLabel}</button>}
    </div>
  );
}

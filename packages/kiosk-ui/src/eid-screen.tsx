import { useState } from 'preact/hooks';
import type { EidStep } from '@sidbox/protocol';
import { act } from './api.js';
import { Buttons, DigitPad } from './controls.js';
import { NewPinScreen } from './new-pin-screen.js';
import type { Texts } from './texts.js';

/** Minimal eID screens: consent, card, PIN/CAN/PUK pad, new PIN, progress. Full flow: next issue. */
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
      return (
        <NumberPad
          key="pin"
          type="eid-pin"
          prompt={step.workflow === 'change-pin' ? t.enterCurrentPin : t.enterPin}
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
          prompt={t.enterCan}
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
          prompt={t.enterPuk}
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
          <p>{t.eidWorking}</p>
          <Buttons t={t} />
        </section>
      );
  }
}

interface NumberPadProps {
  type: 'eid-pin' | 'eid-can' | 'eid-puk';
  prompt: string;
  maxDigits: number;
  keypad: boolean;
  wrong: boolean;
  t: Texts;
}

/** PIN, CAN or PUK: typed on the screen's pad, or on the reader's own keypad. */
function NumberPad({ type, prompt, maxDigits, keypad, wrong, t }: NumberPadProps) {
  const [digits, setDigits] = useState('');
  const submit = () => {
    void act(keypad ? { type } : { type, value: digits });
    setDigits('');
  };
  return (
    <section class="panel">
      {wrong && <p role="alert">{t.wrongNumber}</p>}
      <p id="pad-prompt">{keypad ? t.onReader : prompt}</p>
      {!keypad && <DigitPad digits={digits} maxDigits={maxDigits} onChange={setDigits} />}
      <Buttons t={t} onOk={submit} okLabel={t.ok} />
    </section>
  );
}

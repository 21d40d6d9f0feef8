import { useState } from 'preact/hooks';
import { act } from './api.js';
import { Buttons, DigitPad } from './controls.js';
import type { Texts } from './texts.js';

const newPinDigits = 6;

/**
 * The new PIN, typed twice. A mismatch is caught here and never sent: the citizen starts the
 * double entry again. On a keypad reader the reader asks for both entries itself.
 */
export function NewPinScreen({ keypad, t }: { keypad: boolean; t: Texts }) {
  const [first, setFirst] = useState<string | null>(null);
  const [digits, setDigits] = useState('');
  const [mismatch, setMismatch] = useState(false);
  if (keypad) {
    return (
      <section class="panel">
        <p>{t.onReader}</p>
        <Buttons t={t} onOk={() => void act({ type: 'eid-new-pin' })} okLabel={t.ok} />
      </section>
    );
  }
  const submit = () => {
    if (digits.length !== newPinDigits) return;
    if (first === null) {
      setFirst(digits);
    } else if (first === digits) {
      void act({ type: 'eid-new-pin', value: digits });
      setFirst(null);
    } else {
      setMismatch(true);
      setFirst(null);
    }
    setDigits('');
  };
  return (
    <section class="panel">
      {mismatch && <p role="alert">{t.newPinMismatch}</p>}
      <p id="new-pin-prompt">{first === null ? t.enterNewPin : t.repeatNewPin}</p>
      <DigitPad
        digits={digits}
        maxDigits={newPinDigits}
        onChange={(next) => {
          setMismatch(false);
          setDigits(next);
        }}
        label="new-pin-prompt"
      />
      <Buttons t={t} onOk={submit} okLabel={t.ok} />
    </section>
  );
}

import { useState } from 'preact/hooks';
import { act } from './api.js';
import { Buttons, DigitPad } from './controls.js';
import type { Translate } from './i18n/catalogue.js';

const newPinDigits = 6;

/**
 * The new PIN, typed twice. A mismatch is caught here and never sent: the citizen starts the
 * double entry again. On a keypad reader the reader asks for both entries itself.
 */
export function NewPinScreen({ keypad, t }: { keypad: boolean; t: Translate }) {
  const [first, setFirst] = useState<string | null>(null);
  const [digits, setDigits] = useState('');
  const [mismatch, setMismatch] = useState(false);
  if (keypad) {
    return (
      <section class="panel">
        <h1>{t('eid.newPin.title')}</h1>
        <p>{t('eid.onReader')}</p>
        <Buttons t={t} onOk={() => void act({ type: 'eid-new-pin' })} okLabel={t('eid.ok')} />
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
      <h1>{t('eid.newPin.title')}</h1>
      {mismatch && <p role="alert">{t('eid.newPin.mismatch')}</p>}
      <p id="new-pin-prompt">{t(first === null ? 'eid.newPin.text' : 'eid.newPin.repeat')}</p>
      <DigitPad
        digits={digits}
        maxDigits={newPinDigits}
        onChange={(next) => {
          setMismatch(false);
          setDigits(next);
        }}
        label="new-pin-prompt"
        t={t}
      />
      <Buttons t={t} onOk={submit} okLabel={t('eid.ok')} />
    </section>
  );
}

import { useState } from 'preact/hooks';
import { act } from '../api.js';
import type { Translate } from '../i18n/catalogue.js';
import { DigitPad } from './digit-pad.js';
import { EidButtons } from './eid-buttons.js';

const newPinDigits = 6;

/**
 * The new PIN, typed twice. A mismatch is caught here and never sent: the citizen starts the
 * double entry again. Both entries are held only until they are sent or thrown away. On a
 * keypad reader the reader asks for both entries itself.
 */
export function NewPinScreen({ keypad, t }: { keypad: boolean; t: Translate }) {
  const [first, setFirst] = useState<string | null>(null);
  const [digits, setDigits] = useState('');
  const [mismatch, setMismatch] = useState(false);
  if (keypad) {
    return (
      <section class="panel" aria-labelledby="new-pin-title">
        <h1 id="new-pin-title">{t('eid.newPin.title')}</h1>
        <p>{t('eid.onReader')}</p>
        <EidButtons t={t} onOk={() => void act({ type: 'eid-new-pin' })} />
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
    <section class="panel wide entry" aria-labelledby="new-pin-title">
      <div class="entry-info">
        <h1 id="new-pin-title">{t('eid.newPin.title')}</h1>
        {mismatch && (
          <p role="alert" class="problem">
            {t('eid.newPin.mismatch')}
          </p>
        )}
        <p class="step-of">{t('eid.newPin.entry', { entry: first === null ? 1 : 2 })}</p>
        <p id="new-pin-prompt">{t(first === null ? 'eid.newPin.text' : 'eid.newPin.repeat')}</p>
        {first === null && <p class="tip">{t('eid.newPin.tip')}</p>}
      </div>
      <div class="entry-pad">
        <DigitPad
          digits={digits}
          maxDigits={newPinDigits}
          expected={newPinDigits}
          onChange={(next) => {
            setMismatch(false);
            setDigits(next);
          }}
          onEnter={submit}
          okDisabled={digits.length !== newPinDigits}
          labelledBy="new-pin-prompt"
          t={t}
        />
        <EidButtons t={t} />
      </div>
    </section>
  );
}

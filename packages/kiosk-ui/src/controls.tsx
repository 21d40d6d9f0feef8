import { act } from './api.js';
import type { Translate } from './i18n/catalogue.js';

const deleteKey = '⌫';

/**
 * Dots for the digits typed so far (read out as a count) and a large on-screen pad; the value
 * never leaves as text. The pad keeps the telephone layout in right-to-left languages too.
 */
export function DigitPad({
  digits,
  maxDigits,
  onChange,
  label = 'pad-prompt',
  t,
}: {
  digits: string;
  maxDigits: number;
  onChange: (digits: string) => void;
  label?: string;
  t: Translate;
}) {
  return (
    <>
      <div class="pin" aria-live="polite">
        <span aria-hidden="true">{'●'.repeat(digits.length) || '\u00a0'}</span>
        <span class="visually-hidden">{t('pad.entered', { count: digits.length })}</span>
      </div>
      <div class="pad" role="group" aria-labelledby={label}>
        {['1', '2', '3', '4', '5', '6', '7', '8', '9', deleteKey, '0'].map((key) => (
          <button
            key={key}
            type="button"
            aria-label={key === deleteKey ? t('pad.delete') : undefined}
            onClick={() =>
              onChange(key === deleteKey ? digits.slice(0, -1) : (digits + key).slice(0, maxDigits))
            }
          >
            {key}
          </button>
        ))}
      </div>
    </>
  );
}

export function Buttons({
  t,
  onOk,
  okLabel,
}: {
  t: Translate;
  onOk?: () => void;
  okLabel?: string;
}) {
  return (
    <div class="buttons">
      <button class="secondary" onClick={() => void act({ type: 'eid-cancel' })}>
        {t('eid.cancel')}
      </button>
      {onOk && <button onClick={onOk}>{okLabel}</button>}
    </div>
  );
}

import { act } from './api.js';
import type { Texts } from './texts.js';

/** Dots for the digits typed so far and a large on-screen pad; the value never leaves as text. */
export function DigitPad({
  digits,
  maxDigits,
  onChange,
  label = 'pad-prompt',
}: {
  digits: string;
  maxDigits: number;
  onChange: (digits: string) => void;
  label?: string;
}) {
  return (
    <>
      <div class="pin" aria-live="polite" aria-describedby={label}>
        {'●'.repeat(digits.length) || '\u00a0'}
      </div>
      <div class="pad" role="group" aria-labelledby={label}>
        {['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0'].map((key) => (
          <button
            key={key}
            aria-label={key === '⌫' ? 'delete' : key}
            onClick={() =>
              onChange(key === '⌫' ? digits.slice(0, -1) : (digits + key).slice(0, maxDigits))
            }
          >
            {key}
          </button>
        ))}
      </div>
    </>
  );
}

export function Buttons({ t, onOk, okLabel }: { t: Texts; onOk?: () => void; okLabel?: string }) {
  return (
    <div class="buttons">
      <button class="secondary" onClick={() => void act({ type: 'eid-cancel' })}>
        {t.cancel}
      </button>
      {onOk && <button onClick={onOk}>{okLabel}</button>}
    </div>
  );
}

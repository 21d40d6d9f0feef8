import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '../i18n/catalogue.js';
import { deleteKey, padKeys } from './pad-layout.js';

/**
 * Dots for the digits typed so far (read out as a count, never as digits) and a large pad,
 * optionally shuffled, with OK as its last key; a hardware keyboard's digits, Backspace and
 * Enter work too. The value
 * lives in the parent screen only until it is sent. The pad keeps the telephone layout in
 * right-to-left languages too.
 */
export function DigitPad(props: {
  digits: string;
  maxDigits: number;
  /** Digits the number has when it is fixed (PUK 10, CAN 6); the dots show the empty places. */
  expected?: number;
  onChange: (digits: string) => void;
  /** OK: the pad's last key, and Enter on a hardware keyboard. */
  onEnter: () => void;
  okDisabled: boolean;
  labelledBy: string;
  t: Translate;
}) {
  const { digits, maxDigits, expected, onChange, onEnter, okDisabled, labelledBy, t } = props;
  const [shuffled, setShuffled] = useState(false);
  const [shuffles, setShuffles] = useState(0);
  const keys = useMemo(() => padKeys(shuffled), [shuffled, shuffles]);
  const press = (key: string) =>
    onChange(key === deleteKey ? digits.slice(0, -1) : (digits + key).slice(0, maxDigits));
  // Keys can come faster than effects re-run: the listener reads the latest render's props.
  const latest = useRef({ press, onEnter, okDisabled });
  latest.current = { press, onEnter, okDisabled };

  // A layout effect listens from the moment the pad is in the DOM; a plain effect runs a
  // frame later, and keys typed in between were lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea')) return;
      const now = latest.current;
      if (/^[0-9]$/.test(event.key)) now.press(event.key);
      else if (event.key === 'Backspace') now.press(deleteKey);
      // Enter on a focused button is that button's click; on the page it means OK.
      else if (event.key === 'Enter' && !target?.closest('button')) {
        if (!now.okDisabled) now.onEnter();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const places = Math.max(expected ?? 0, digits.length);
  return (
    <div class="digit-entry" data-no-speak>
      <div class="pin" aria-live="polite">
        <span aria-hidden="true" class="dots">
          {Array.from({ length: places }, (_, index) => (index < digits.length ? '●' : '○'))}
          {places === 0 && '\u00a0'}
        </span>
        <span class="count">
          {expected
            ? t('pad.enteredOf', { count: digits.length, total: expected })
            : t('pad.entered', { count: digits.length })}
        </span>
      </div>
      <div class="pad" role="group" aria-labelledby={labelledBy}>
        {keys.map((key) => (
          <button
            key={key}
            type="button"
            class={key === deleteKey ? 'delete secondary' : 'digit'}
            aria-label={key === deleteKey ? t('pad.delete') : undefined}
            onClick={() => press(key)}
          >
            {key === deleteKey ? '⌫' : key}
          </button>
        ))}
        <button type="button" class="ok primary" disabled={okDisabled} onClick={onEnter}>
          {t('eid.ok')}
        </button>
      </div>
      <button
        type="button"
        class="secondary shuffle"
        aria-pressed={shuffled}
        onClick={() => {
          setShuffled(!shuffled);
          setShuffles(shuffles + 1);
        }}
      >
        {t('pad.shuffle')}
      </button>
    </div>
  );
}

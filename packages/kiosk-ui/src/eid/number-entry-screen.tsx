import { useState } from 'preact/hooks';
import type { EidStep } from '@sidbox/protocol';
import { act } from '../api.js';
import type { MessageKey, Translate } from '../i18n/catalogue.js';
import { DigitPad } from './digit-pad.js';
import { EidButtons } from './eid-buttons.js';
import { CanPicture, PinLetterPicture } from './pictures.js';

type NumberStep = Extract<EidStep, { step: 'enter-pin' | 'enter-can' | 'enter-puk' }>;

interface Entry {
  action: 'eid-pin' | 'eid-can' | 'eid-puk';
  title: MessageKey;
  prompt: MessageKey;
  minDigits: number;
  maxDigits: number;
}

/** What each number is, how long it is and where the citizen finds it. */
function entryFor(step: NumberStep): Entry {
  switch (step.step) {
    case 'enter-pin':
      return {
        action: 'eid-pin',
        title: 'eid.pin.title',
        prompt: step.minDigits < step.maxDigits ? 'eid.currentPin.text' : 'eid.pin.text',
        minDigits: step.minDigits,
        maxDigits: step.maxDigits,
      };
    case 'enter-can':
      return {
        action: 'eid-can',
        title: 'eid.can.title',
        prompt: 'eid.can.text',
        minDigits: 6,
        maxDigits: 6,
      };
    case 'enter-puk':
      return {
        action: 'eid-puk',
        title: 'eid.puk.title',
        prompt: 'eid.puk.text',
        minDigits: 10,
        maxDigits: 10,
      };
  }
}

/**
 * PIN, CAN or PUK: typed on the screen's pad (held here only until OK sends it), or on the
 * reader's own keypad. OK stays disabled until the number has a length that fits.
 */
export function NumberEntryScreen({ step, t }: { step: NumberStep; t: Translate }) {
  const entry = entryFor(step);
  const [digits, setDigits] = useState('');
  const fits = digits.length >= entry.minDigits && digits.length <= entry.maxDigits;
  const submit = () => {
    if (step.keypad) {
      void act({ type: entry.action });
      return;
    }
    if (!fits) return;
    void act({ type: entry.action, value: digits });
    setDigits('');
  };
  const triesLeft = step.step === 'enter-pin' ? step.retryCounter : null;
  return (
    <section class="panel wide entry" aria-labelledby="entry-title">
      <div class="entry-info">
        <h1 id="entry-title">{t(entry.title)}</h1>
        {step.lastAttemptWrong && (
          <p role="alert" class="problem">
            {t('eid.wrongNumber')}
          </p>
        )}
        {triesLeft !== null && triesLeft < 3 && (
          <p class="tries">{t('eid.triesLeft', { count: triesLeft })}</p>
        )}
        <p id="entry-prompt">{t(step.keypad ? 'eid.onReader' : entry.prompt)}</p>
        {step.step === 'enter-can' && (
          <div class="with-picture">
            <CanPicture label={t('picture.can')} />
            <p>{t('eid.can.where')}</p>
          </div>
        )}
        {step.step === 'enter-puk' && (
          <div class="with-picture">
            <PinLetterPicture label={t('picture.puk')} highlight="puk" />
            <p>{t('eid.puk.where')}</p>
          </div>
        )}
      </div>
      {step.keypad ? (
        <EidButtons t={t} onOk={submit} />
      ) : (
        <div class="entry-pad">
          <DigitPad
            digits={digits}
            maxDigits={entry.maxDigits}
            expected={entry.minDigits === entry.maxDigits ? entry.maxDigits : undefined}
            onChange={setDigits}
            onEnter={submit}
            okDisabled={!fits}
            labelledBy="entry-prompt"
            t={t}
          />
          <EidButtons t={t} />
        </div>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import type { KioskView, StaffView } from '@sidbox/protocol';
import { act } from '../api.js';
import { DigitPad } from '../eid/digit-pad.js';
import type { Translate } from '../i18n/catalogue.js';
import { Dialog } from '../layout/dialog.js';
import { DeviceTable } from './device-table.js';

/** Staff PINs are numeric, of a length the terminal's configuration decides. */
const staffPinDigits = { min: 4, max: 12 };

/**
 * The staff menu over every screen (long press on the reset button): the staff PIN first,
 * then training mode, the device diagnostics and Close. Never a way out of the kiosk.
 */
export function StaffOverlay(props: { staff: StaffView; view: KioskView; t: Translate }) {
  const { staff, view, t } = props;
  return (
    <Dialog
      id="staff-title"
      title={t('staff.title')}
      onClose={() => void act({ type: 'staff-close' })}
    >
      {staff.stage === 'pin' ? (
        <StaffPin wrong={staff.wrong} t={t} />
      ) : (
        <>
          <p>{t(view.training ? 'staff.training.isOn' : 'staff.training.isOff')}</p>
          <div class="buttons start">
            <button
              type="button"
              onClick={() => void act({ type: 'staff-training', on: !view.training })}
            >
              {t(view.training ? 'staff.training.turnOff' : 'staff.training.turnOn')}
            </button>
          </div>
          <DeviceTable summary={staff.devices} t={t} />
          <div class="buttons">
            <button
              type="button"
              class="secondary"
              onClick={() => void act({ type: 'staff-close' })}
            >
              {t('bar.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

/** The staff PIN, held only until it is sent. */
function StaffPin({ wrong, t }: { wrong: boolean; t: Translate }) {
  const [digits, setDigits] = useState('');
  const ready = digits.length >= staffPinDigits.min;
  const submit = () => {
    if (!ready) return;
    void act({ type: 'staff-pin', value: digits });
    setDigits('');
  };
  return (
    <>
      {wrong && <p role="alert">{t('staff.pin.wrong')}</p>}
      <p id="staff-pin-prompt">{t('staff.pin.prompt')}</p>
      <DigitPad
        digits={digits}
        maxDigits={staffPinDigits.max}
        onChange={setDigits}
        onEnter={submit}
        okDisabled={!ready}
        labelledBy="staff-pin-prompt"
        t={t}
      />
      <div class="buttons">
        <button type="button" class="secondary" onClick={() => void act({ type: 'staff-close' })}>
          {t('bar.close')}
        </button>
      </div>
    </>
  );
}

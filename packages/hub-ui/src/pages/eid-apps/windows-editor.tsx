import type { AccessWindow } from '@sidbox/protocol';
import { Field } from '../../components/field.js';
import { defaultWindow, weekdays } from '../../eid-apps/windows.js';
import { fill, useI18n } from '../../i18n.js';
import type { MessageKey } from '../../messages.js';

/** Days and from–to times when a person's card opens the door; several windows, or none. */
export function WindowsEditor({
  windows,
  onChange,
}: {
  windows: AccessWindow[];
  onChange: (windows: AccessWindow[]) => void;
}) {
  const { t } = useI18n();
  const change = (index: number, patch: Partial<AccessWindow>) =>
    onChange(windows.map((window, i) => (i === index ? { ...window, ...patch } : window)));
  const toggleDay = (index: number, day: number, on: boolean) => {
    const days = windows[index]?.days ?? [];
    change(index, {
      days: on ? [...days, day].sort((a, b) => a - b) : days.filter((d) => d !== day),
    });
  };
  return (
    <fieldset class="group">
      <legend>{t('access.windows')}</legend>
      <p class="hint">{t('access.windowsHint')}</p>
      {windows.map((window, index) => {
        const n = index + 1;
        return (
          <fieldset class="group" key={index} data-window={n}>
            <legend>{fill(t('access.window'), { n })}</legend>
            <div class="days">
              {weekdays.map((day) => (
                <label key={day}>
                  <input
                    type="checkbox"
                    name={`day-${day}`}
                    checked={window.days.includes(day)}
                    onChange={(e) => toggleDay(index, day, e.currentTarget.checked)}
                  />{' '}
                  {t(`day.${day}` as MessageKey)}
                </label>
              ))}
            </div>
            <div class="row">
              <Field label={t('access.from')}>
                <input
                  type="time"
                  name="from"
                  required
                  value={window.from}
                  onInput={(e) => change(index, { from: e.currentTarget.value })}
                />
              </Field>
              <Field label={t('access.to')}>
                <input
                  type="time"
                  name="to"
                  required
                  value={window.to}
                  onInput={(e) => change(index, { to: e.currentTarget.value })}
                />
              </Field>
              <button
                type="button"
                class="secondary"
                onClick={() => onChange(windows.filter((_, i) => i !== index))}
              >
                {fill(t('access.removeWindow'), { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        class="secondary"
        onClick={() => onChange([...windows, defaultWindow()])}
      >
        {t('access.addWindow')}
      </button>
    </fieldset>
  );
}

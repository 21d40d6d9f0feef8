import { formFieldTypes } from '@sidbox/protocol';
import { Field } from '../../components/field.js';
import { emptyField, type FieldDraft } from '../../eid-apps/draft.js';
import { fill, useI18n } from '../../i18n.js';
import type { MessageKey } from '../../messages.js';

const maxFields = 20;

/** The member's own form fields: label de/en, input type, required; add, remove, reorder. */
export function FieldsEditor({
  fields,
  onChange,
}: {
  fields: FieldDraft[];
  onChange: (fields: FieldDraft[]) => void;
}) {
  const { t } = useI18n();
  const change = (index: number, patch: Partial<FieldDraft>) =>
    onChange(fields.map((field, i) => (i === index ? { ...field, ...patch } : field)));
  const move = (index: number, by: number) => {
    const next = [...fields];
    const [field] = next.splice(index, 1);
    if (field) next.splice(index + by, 0, field);
    onChange(next);
  };
  return (
    <fieldset class="group">
      <legend>{t('eidApps.fields')}</legend>
      <p class="hint">{t('eidApps.fieldsHint')}</p>
      {fields.map((field, index) => {
        const n = index + 1;
        return (
          <fieldset class="group" key={index} data-field={n}>
            <legend>{fill(t('eidApps.field'), { n })}</legend>
            <Field label={t('eidApps.fieldLabelDe')}>
              <input
                name="fieldLabelDe"
                required
                maxLength={80}
                value={field.labelDe}
                onInput={(e) => change(index, { labelDe: e.currentTarget.value })}
              />
            </Field>
            <Field label={t('eidApps.fieldLabelEn')}>
              <input
                name="fieldLabelEn"
                maxLength={80}
                value={field.labelEn}
                onInput={(e) => change(index, { labelEn: e.currentTarget.value })}
              />
            </Field>
            <Field label={t('eidApps.fieldType')}>
              <select
                name="fieldType"
                value={field.type}
                onChange={(e) =>
                  change(index, { type: e.currentTarget.value as FieldDraft['type'] })
                }
              >
                {formFieldTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`eidApps.fieldType.${type}` as MessageKey)}
                  </option>
                ))}
              </select>
            </Field>
            <label class="check">
              <input
                type="checkbox"
                name="fieldRequired"
                checked={field.required}
                onChange={(e) => change(index, { required: e.currentTarget.checked })}
              />{' '}
              {t('eidApps.fieldRequired')}
            </label>
            <div class="row">
              <button
                type="button"
                class="secondary"
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑<span class="visually-hidden">{fill(t('eidApps.fieldUp'), { n })}</span>
              </button>
              <button
                type="button"
                class="secondary"
                disabled={index === fields.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓<span class="visually-hidden">{fill(t('eidApps.fieldDown'), { n })}</span>
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => onChange(fields.filter((_, i) => i !== index))}
              >
                {fill(t('eidApps.removeField'), { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        class="secondary"
        disabled={fields.length >= maxFields}
        onClick={() => onChange([...fields, emptyField()])}
      >
        {t('eidApps.addField')}
      </button>
    </fieldset>
  );
}

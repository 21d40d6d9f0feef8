import { useI18n } from '../i18n.js';

/** A create-or-change form's buttons: "Speichern" when changing, and cancel where it can close. */
export function FormActions({
  editing,
  createLabel,
  cancelLabel,
  onClose,
}: {
  editing: boolean;
  createLabel: string;
  cancelLabel: string;
  onClose?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  return (
    <div class="row">
      <button type="submit">{editing ? t('common.save') : createLabel}</button>
      {onClose && (
        <button type="button" class="secondary" onClick={onClose}>
          {cancelLabel}
        </button>
      )}
    </div>
  );
}

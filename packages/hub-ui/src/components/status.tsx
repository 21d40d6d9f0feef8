import { useI18n } from '../i18n.js';

/** Loading and error states, announced to screen readers. */
export function Status({ error, loading }: { error?: string | undefined; loading?: boolean }) {
  const { t } = useI18n();
  if (error)
    return (
      <p role="alert" class="error">
        {t('common.error')}: {error}
      </p>
    );
  if (loading) return <p aria-live="polite">{t('common.loading')}</p>;
  return null;
}

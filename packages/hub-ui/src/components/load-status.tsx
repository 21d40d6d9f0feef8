import { errorText } from '../error-text.js';
import { useI18n } from '../i18n.js';

/** A loaded resource's error (explained by its code) or "loading" line; nothing once it's there. */
export function LoadStatus({ resource }: { resource: { data: unknown; failure: unknown } }) {
  const { t } = useI18n();
  if (resource.failure !== undefined)
    return (
      <p role="alert" class="error">
        {t('common.error')}: {errorText(resource.failure, t)}
      </p>
    );
  if (resource.data === undefined) return <p>{t('common.loading')}</p>;
  return null;
}

import type { Translate } from '../i18n/catalogue.js';

/** Striped, on every screen in training mode: nobody mistakes the training card for a real one. */
export function TrainingBanner({ t }: { t: Translate }) {
  return (
    <div class="training-banner" role="note">
      <strong>{t('training.banner')}</strong>
    </div>
  );
}

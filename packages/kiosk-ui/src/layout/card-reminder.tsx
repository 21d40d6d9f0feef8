import type { Translate } from '../i18n/catalogue.js';
import { Dialog } from './dialog.js';

/** After the session: a card is still in the reader. */
export function CardReminder({ t }: { t: Translate }) {
  return (
    <Dialog id="card-reminder" title={t('card.reminder.title')} role="alertdialog">
      <p>{t('card.reminder.text')}</p>
    </Dialog>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { act } from '../api.js';
import type { Translate } from '../i18n/catalogue.js';
import { Dialog } from './dialog.js';

/** The idle warning with its countdown; one touch (or key) on "still here" extends the session. */
export function IdleWarning({ deadline, t }: { deadline: number; t: Translate }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <Dialog
      id="warning-title"
      title={t('warning.title')}
      role="alertdialog"
      describedBy="warning-text"
    >
      <p id="warning-text">{t('warning.text', { seconds })}</p>
      <div class="buttons">
        <button type="button" onClick={() => void act({ type: 'activity' })}>
          {t('warning.stillHere')}
        </button>
      </div>
    </Dialog>
  );
}

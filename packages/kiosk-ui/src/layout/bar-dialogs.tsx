import type { Translate } from '../i18n/catalogue.js';
import type { LanguageChoice } from '../language.js';
import { helpTopic, type Screen } from '../route.js';
import { Dialog } from './dialog.js';
import { LanguageButtons } from './header.js';

/** What this screen is for and what to do on it, and how the bar works. */
export function HelpDialog({
  screen,
  t,
  close,
}: {
  screen: Screen;
  t: Translate;
  close: () => void;
}) {
  return (
    <Dialog id="help-title" title={t('help.title')} describedBy="help-text" onClose={close}>
      <p id="help-text">{t(`help.${helpTopic(screen)}`)}</p>
      <p>{t('help.bar')}</p>
      <p>{t('help.staff')}</p>
      <div class="buttons">
        <button type="button" onClick={close}>
          {t('bar.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** The languages in large buttons, for citizens who look for "language" on the bar. */
export function LanguageDialog({ choice, close }: { choice: LanguageChoice; close: () => void }) {
  return (
    <Dialog id="language-title" title={choice.t('language.choose')} onClose={close}>
      <LanguageButtons choice={choice} onChosen={close} />
      <div class="buttons">
        <button type="button" class="secondary" onClick={close}>
          {choice.t('bar.close')}
        </button>
      </div>
    </Dialog>
  );
}

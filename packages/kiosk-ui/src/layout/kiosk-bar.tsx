import { useState } from 'preact/hooks';
import type { KioskView } from '@sidbox/protocol';
import { act } from '../api.js';
import type { Translate } from '../i18n/catalogue.js';
import { visibleText } from '../read-aloud.js';
import { backTarget, type Screen } from '../route.js';
import { endSession } from '../session-end.js';
import { nextTextScale } from '../text-size.js';

export type BarPanel = 'help' | 'language';

/**
 * The kiosk bar of the kiosk's own pages, with the same buttons as the bar the daemon puts on
 * service pages: Home, Back, language, help, text size, read aloud, End.
 */
export function KioskBar(props: {
  view: KioskView;
  screen: Screen;
  t: Translate;
  onOpen: (panel: BarPanel) => void;
}) {
  const { view, screen, t, onOpen } = props;
  const [speaking, setSpeaking] = useState(false);
  const back = backTarget(screen);
  const percent = Math.round(view.textScale * 100);
  return (
    <nav class="kiosk-bar" aria-label={t('bar.label')}>
      <button type="button" onClick={() => void act({ type: 'home' })}>
        <span aria-hidden="true">⌂ </span>
        {t('bar.home')}
      </button>
      {back && (
        <button
          type="button"
          onClick={() =>
            back.kind === 'page' ? location.assign(back.path) : void act({ type: 'back' })
          }
        >
          {t('bar.back')}
        </button>
      )}
      <button type="button" class="secondary" onClick={() => onOpen('language')}>
        {t('bar.language')}
      </button>
      <button type="button" class="secondary" onClick={() => onOpen('help')}>
        {t('bar.help')}
      </button>
      <button
        type="button"
        class="secondary"
        onClick={() => void act({ type: 'text-size', scale: nextTextScale(view.textScale) })}
      >
        {t('bar.textSize')} <span class="size-now">{t('textSize.now', { percent })}</span>
      </button>
      {view.speech && (
        <button
          type="button"
          class="secondary"
          aria-pressed={speaking}
          onClick={() => {
            setSpeaking(!speaking);
            const main = document.querySelector('main');
            if (speaking || !main) void act({ type: 'speak-stop' });
            else void act({ type: 'speak', text: visibleText(main) || t('app.title') });
          }}
        >
          {t(speaking ? 'bar.speakStop' : 'bar.speak')}
        </button>
      )}
      <button
        type="button"
        class="end"
        onClick={() => endSession(screen.name !== 'survey' && screen.name !== 'eid')}
      >
        {t('bar.end')}
      </button>
    </nav>
  );
}

import type { KioskView } from '@sidbox/protocol';
import { act } from '../api.js';
import { catalogue, type Language } from '../i18n/catalogue.js';
import type { LanguageChoice } from '../language.js';

/** The member's name, and every offered language by its own name: one touch away, always. */
export function Header({ view, choice }: { view: KioskView; choice: LanguageChoice }) {
  return (
    <header>
      <span class="member">{view.branding.memberName}</span>
      <LanguageButtons choice={choice} />
    </header>
  );
}

export function LanguageButtons({
  choice,
  onChosen,
}: {
  choice: LanguageChoice;
  onChosen?: () => void;
}) {
  return (
    <nav class="languages" aria-label={choice.t('language.choose')}>
      {choice.offered.map((code: Language) => (
        <button
          key={code}
          type="button"
          lang={code}
          class="lang"
          aria-pressed={code === choice.language}
          onClick={(event) => {
            // On the attract screen a tap elsewhere starts the session; this one only chooses.
            event.stopPropagation();
            void act({ type: 'language', language: code });
            onChosen?.();
          }}
        >
          {catalogue[code]['language.name']}
        </button>
      ))}
    </nav>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { outcomeCodes, type KioskView, type OutcomeCode } from '@sidbox/protocol';
import { act, subscribe } from './api.js';
import { EidScreen } from './eid-screen.js';
import { catalogue, type Language, type Translate } from './i18n/catalogue.js';
import { useLanguage, type LanguageChoice } from './language.js';
import { SurveyScreen } from './survey-screen.js';

export function App() {
  const [view, setView] = useState<KioskView | null>(null);
  useEffect(() => subscribe(setView), []);
  const choice = useLanguage(view);
  if (!view) return null;
  const { t, language } = choice;
  const screen = location.pathname.replace(/^\//, '');
  const colours = view.branding.colours;
  return (
    <div
      class="kiosk"
      style={{ '--primary': colours.primary, '--accent': colours.accent }}
      onPointerDown={() => view.state !== 'idle' && void act({ type: 'activity' })}
    >
      <header>
        <span class="member">{view.branding.memberName}</span>
        {view.training && <span class="badge">{t('training')}</span>}
        <LanguageSwitcher choice={choice} />
      </header>
      <main>{body(view, screen, language, t)}</main>
      {view.state !== 'idle' && <KioskBar t={t} />}
      {view.state === 'warning' && view.warningDeadline !== null && (
        <Warning deadline={view.warningDeadline} t={t} />
      )}
      {view.cardReminder && (
        <div class="overlay" role="alertdialog" aria-modal="true" aria-labelledby="card-reminder">
          <h2 id="card-reminder">{t('card.reminder.title')}</h2>
          <p>{t('card.reminder.text')}</p>
        </div>
      )}
    </div>
  );
}

/** Every configured language by its own name, one touch away on every kiosk screen. */
function LanguageSwitcher({ choice }: { choice: LanguageChoice }) {
  return (
    <nav class="languages" aria-label={choice.t('language.choose')}>
      {choice.offered.map((code: Language) => (
        <button
          key={code}
          type="button"
          lang={code}
          class="lang"
          aria-pressed={code === choice.language}
          onClick={() => choice.choose(code)}
        >
          {catalogue[code]['language.name']}
        </button>
      ))}
    </nav>
  );
}

function body(view: KioskView, screen: string, language: Language, t: Translate) {
  if (view.state === 'idle' || view.state === 'wiping') {
    // The whole screen starts the session; the button is there for keyboards and readers.
    return (
      <section class="attract-screen" onClick={() => void act({ type: 'start' })}>
        <h1>{t('attract.title')}</h1>
        <p>{t('attract.hint')}</p>
        <button type="button" class="attract">
          {t('attract.start')}
        </button>
      </section>
    );
  }
  if (view.eid && view.eid.step !== 'done') return <EidScreen step={view.eid} t={t} />;
  if (screen === 'blocked') return <Notice title={t('blocked.title')} text={t('blocked.text')} />;
  if (screen === 'error') return <Notice title={t('error.title')} text={t('error.text')} />;
  if (screen === 'survey') return <SurveyScreen t={t} />;
  if (screen === 'outcome') return <Outcome t={t} />;
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <button class="tile fast-lane" onClick={() => void act({ type: 'change-pin' })}>
        <strong>{t('home.changePin')}</strong>
      </button>
      <div class="tiles">
        {view.services.map((service) => (
          <button
            key={service.id}
            class="tile"
            onClick={() => void act({ type: 'open', serviceId: service.id })}
          >
            <Localized texts={service.title} language={language} tag="strong" />
            <Localized texts={service.description} language={language} tag="span" />
            {service.eid && <span class="needs-eid">{t('home.needsEid')}</span>}
          </button>
        ))}
      </div>
    </section>
  );
}

/** A configured text in the citizen's language, else the German one, marked as German. */
function Localized(props: {
  texts: Record<string, string>;
  language: Language;
  tag: 'strong' | 'span';
}) {
  const { texts, language, tag: Tag } = props;
  const own = texts[language];
  return own !== undefined ? <Tag>{own}</Tag> : <Tag lang="de">{texts['de']}</Tag>;
}

function Notice({ title, text }: { title: string; text: string }) {
  return (
    <section class="panel">
      <h1>{title}</h1>
      <p>{text}</p>
    </section>
  );
}

const isOutcomeCode = (code: string | null): code is OutcomeCode =>
  code !== null && (outcomeCodes as readonly string[]).includes(code);

/** The result of an eID workflow in plain words, and the way to the survey. */
function Outcome({ t }: { t: Translate }) {
  const code = new URLSearchParams(location.search).get('code');
  return (
    <section class="panel">
      <h1>{t('outcome.title')}</h1>
      <p role="status">{isOutcomeCode(code) ? t(`outcome.${code}`) : t('error.text')}</p>
      <div class="buttons">
        <button onClick={() => location.assign('/survey')}>{t('outcome.toSurvey')}</button>
      </div>
    </section>
  );
}

/** Home and End on kiosk pages; on service pages the browser layer injects the same bar. */
function KioskBar({ t }: { t: Translate }) {
  return (
    <nav class="kiosk-bar" aria-label={t('bar.label')}>
      <button onClick={() => void act({ type: 'home' })}>{t('bar.home')}</button>
      <button class="secondary" onClick={() => void act({ type: 'end' })}>
        {t('bar.end')}
      </button>
    </nav>
  );
}

/** The idle warning; one touch (or key) on "still here" extends the session. */
function Warning({ deadline, t }: { deadline: number; t: Translate }) {
  const [now, setNow] = useState(Date.now());
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    stay.current?.focus();
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <div
      class="overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="warning-title"
      aria-describedby="warning-text"
    >
      <h2 id="warning-title">{t('warning.title')}</h2>
      <p id="warning-text">{t('warning.text', { seconds })}</p>
      <button ref={stay} onClick={() => void act({ type: 'activity' })}>
        {t('warning.stillHere')}
      </button>
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { KioskView } from '@sidbox/protocol';
import { act, subscribe } from './api.js';
import { EidScreen } from './eid-screen.js';
import { SurveyScreen } from './survey-screen.js';
import { textsFor, type Texts } from './texts.js';

export function App() {
  const [view, setView] = useState<KioskView | null>(null);
  const [language, setLanguage] = useState('de');
  useEffect(() => subscribe(setView), []);
  if (!view) return null;
  const t = textsFor(language);
  const screen = location.pathname.replace(/^\//, '');
  const colours = view.branding.colours;
  return (
    <div
      class="kiosk"
      style={{ '--primary': colours.primary, '--accent': colours.accent }}
      onPointerDown={() => view.state !== 'idle' && void act({ type: 'activity' })}
    >
      <header>
        <strong>{view.branding.memberName}</strong>
        {view.training && <span class="badge">{t.training}</span>}
        <nav>
          {view.languages.map((code) => (
            <button
              key={code}
              class={code === language ? 'lang active' : 'lang'}
              onClick={() => setLanguage(code)}
            >
              {code.toUpperCase()}
            </button>
          ))}
        </nav>
      </header>
      <main>{body(view, screen, language, t)}</main>
      {view.state !== 'idle' && <KioskBar t={t} />}
      {view.state === 'warning' && view.warningDeadline !== null && (
        <Warning deadline={view.warningDeadline} t={t} />
      )}
      {view.cardReminder && (
        <div class="overlay">
          <h2>{t.cardReminder}</h2>
          <p>{t.cardReminderText}</p>
        </div>
      )}
    </div>
  );
}

function body(view: KioskView, screen: string, language: string, t: Texts) {
  if (view.state === 'idle' || view.state === 'wiping') {
    return (
      <button class="attract" onClick={() => void act({ type: 'start' })}>
        <h1>{t.attractTitle}</h1>
        <p>{t.attractHint}</p>
      </button>
    );
  }
  if (view.eid && view.eid.step !== 'done') return <EidScreen step={view.eid} t={t} />;
  if (screen === 'blocked') return <p class="panel">{t.blocked}</p>;
  if (screen === 'error') return <p class="panel">{t.error}</p>;
  if (screen === 'survey') return <SurveyScreen language={language} t={t} />;
  if (screen === 'outcome') return <Outcome t={t} />;
  return (
    <section>
      <h2>{t.services}</h2>
      <button class="tile fast-lane" onClick={() => void act({ type: 'change-pin' })}>
        <strong>{t.changePin}</strong>
      </button>
      <div class="tiles">
        {view.services.map((service) => (
          <button
            key={service.id}
            class="tile"
            onClick={() => void act({ type: 'open', serviceId: service.id })}
          >
            <strong>{service.title[language] ?? service.title.de}</strong>
            <span>{service.description[language] ?? service.description.de}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

/** After a PIN change: success or failure, and the way to the survey. */
function Outcome({ t }: { t: Texts }) {
  const ok = new URLSearchParams(location.search).get('code') === 'pin-changed';
  return (
    <section class="panel">
      <p role="status">{ok ? t.outcomeOk : t.error}</p>
      <div class="buttons">
        <button onClick={() => location.assign('/survey')}>{t.toSurvey}</button>
      </div>
    </section>
  );
}

/** Home and End on kiosk pages; on service pages the browser layer injects the same bar. */
function KioskBar({ t }: { t: Texts }) {
  return (
    <footer class="kiosk-bar">
      <button onClick={() => void act({ type: 'home' })}>{t.home}</button>
      <button class="secondary" onClick={() => void act({ type: 'end' })}>
        {t.end}
      </button>
    </footer>
  );
}

function Warning({ deadline, t }: { deadline: number; t: Texts }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <div class="overlay">
      <h2>{t.warningTitle}</h2>
      <p>{t.warningText.replace('{s}', String(seconds))}</p>
      <button onClick={() => void act({ type: 'activity' })}>{t.stillHere}</button>
    </div>
  );
}

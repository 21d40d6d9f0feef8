import { useEffect, useState } from 'preact/hooks';
import type { KioskView, OutcomeCode } from '@sidbox/protocol';
import { reportActivity, subscribe } from './api.js';
import { EidScreen } from './eid/eid-screen.js';
import type { Language, Translate } from './i18n/catalogue.js';
import { HelpDialog, LanguageDialog } from './layout/bar-dialogs.js';
import { Header } from './layout/header.js';
import { CardReminder } from './layout/card-reminder.js';
import { IdleWarning } from './layout/idle-warning.js';
import { KioskBar, type BarPanel } from './layout/kiosk-bar.js';
import { TrainingBanner } from './layout/training-banner.js';
import { useLanguage, type LanguageChoice } from './language.js';
import { screenFor, type Screen } from './route.js';
import { AttractScreen } from './screens/attract-screen.js';
import { FastLaneScreen } from './screens/fast-lane-screen.js';
import { HomeScreen } from './screens/home-screen.js';
import { NoticeScreen } from './screens/notice-screen.js';
import { OutcomeScreen } from './screens/outcome-screen.js';
import { PhoneSetupScreen } from './screens/phone-setup-screen.js';
import { SurveyScreen } from './screens/survey-screen.js';
import { StaffOverlay } from './staff/staff-overlay.js';
import { useTextScale } from './text-size.js';

/**
 * The kiosk UI: one view from the daemon (SSE), the screen it and the address call for, the
 * kiosk bar, and the layers over it (staff menu, idle warning, card reminder, help, language).
 */
export function App() {
  const [view, setView] = useState<KioskView | null>(null);
  const [endedHere, setEndedHere] = useState<OutcomeCode | null>(null);
  const [panel, setPanel] = useState<BarPanel | null>(null);
  useEffect(
    () =>
      subscribe((next) => {
        if (next.eid?.step === 'done') setEndedHere(next.eid.outcome.code);
        setView(next);
      }),
    [],
  );
  const choice = useLanguage(view);
  useTextScale(view?.textScale ?? 1);
  if (!view) return null;
  const { t, language } = choice;
  const screen = screenFor(view, location.pathname, location.search, endedHere);
  const layer = topLayer(view, screen, panel, choice, () => setPanel(null));
  const active = view.state !== 'idle';
  const colours = view.branding.colours;
  return (
    <div
      class="kiosk"
      style={{ '--primary': colours.primary, '--accent': colours.accent }}
      onPointerDown={() => active && reportActivity()}
      onKeyDown={() => active && reportActivity()}
    >
      <div class="page" inert={layer !== null}>
        {view.training && <TrainingBanner t={t} />}
        <Header view={view} choice={choice} />
        {screen.name !== 'attract' && (
          <KioskBar view={view} screen={screen} t={t} onOpen={setPanel} />
        )}
        <main>
          <Body screen={screen} view={view} language={language} t={t} />
        </main>
      </div>
      {layer}
    </div>
  );
}

function Body(props: { screen: Screen; view: KioskView; language: Language; t: Translate }) {
  const { screen, view, language, t } = props;
  switch (screen.name) {
    case 'attract':
      return <AttractScreen t={t} />;
    case 'home':
      return <HomeScreen view={view} language={language} t={t} />;
    case 'fast-lane':
      return <FastLaneScreen t={t} />;
    case 'eid':
      return <EidScreen step={screen.step} view={view} language={language} t={t} />;
    case 'outcome':
      return (
        <OutcomeScreen
          code={screen.code}
          selfCheck={view.services.find((service) => service.selfCheck)?.id}
          phoneSetup={view.phoneSetup.offered}
          t={t}
        />
      );
    case 'phone':
      return <PhoneSetupScreen view={view} language={language} t={t} />;
    case 'survey':
      return <SurveyScreen ending={screen.ending} t={t} />;
    case 'blocked':
      return <NoticeScreen title={t('blocked.title')} text={t('blocked.text')} />;
    case 'error':
      return <NoticeScreen title={t('error.title')} text={t('error.text')} />;
  }
}

/** What lies over the screen, most urgent first: staff menu, idle warning, card reminder, bar dialogs. */
function topLayer(
  view: KioskView,
  screen: Screen,
  panel: BarPanel | null,
  choice: LanguageChoice,
  close: () => void,
) {
  const { t } = choice;
  if (view.staff) return <StaffOverlay staff={view.staff} view={view} t={t} />;
  if (view.state === 'warning' && view.warningDeadline !== null)
    return <IdleWarning deadline={view.warningDeadline} t={t} />;
  if (view.cardReminder) return <CardReminder t={t} />;
  if (panel === 'help') return <HelpDialog screen={screen} t={t} close={close} />;
  if (panel === 'language') return <LanguageDialog choice={choice} close={close} />;
  return null;
}

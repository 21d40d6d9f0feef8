import { useEffect, useState } from 'preact/hooks';
import type { SessionResponse, SessionUser } from '@sidbox/protocol';
import { api, setCsrfToken } from './api.js';
import { I18nContext, saveLanguage, savedLanguage, translator } from './i18n.js';
import type { MessageKey, UiLanguage } from './messages.js';
import { CataloguePage } from './pages/catalogue.js';
import { DashboardPage } from './pages/dashboard.js';
import { EidAppsPage } from './pages/eid-apps/page.js';
import { LoginPage } from './pages/login.js';
import { MembersPage } from './pages/members.js';
import { OidcClientsPage } from './pages/oidc-clients/page.js';
import { SurveysPage } from './pages/surveys.js';
import { TerminalsPage } from './pages/terminals.js';

const pages = [
  'dashboard',
  'catalogue',
  'eid-apps',
  'oidc-clients',
  'terminals',
  'surveys',
  'members',
] as const;
type Page = (typeof pages)[number];

const pageOfHash = (): Page => {
  const name = location.hash.replace(/^#\/?/, '');
  return (pages as readonly string[]).includes(name) ? (name as Page) : 'dashboard';
};

/** Signed-in shell: skip link, navigation, language switch, the current page (hash routing). */
export function App() {
  const [lang, setLang] = useState<UiLanguage>(savedLanguage);
  const [user, setUser] = useState<SessionUser | null>();
  const [page, setPage] = useState<Page>(pageOfHash);
  const i18n = translator(lang);
  const { t } = i18n;

  useEffect(() => {
    api<SessionResponse>('GET', '/session').then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      },
      () => setUser(null),
    );
    const onHash = () => {
      setPage(pageOfHash());
      document.getElementById('main')?.focus();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => saveLanguage(lang), [lang]);

  const switchLanguage = (
    <button type="button" class="language" onClick={() => setLang(lang === 'de' ? 'en' : 'de')}>
      <span class="visually-hidden">{t('app.language')}: </span>
      {lang === 'de' ? 'English' : 'Deutsch'}
    </button>
  );
  const signOut = async () => {
    await api('POST', '/logout');
    setUser(null);
  };

  return (
    <I18nContext.Provider value={i18n}>
      <a class="skip" href="#main">
        {t('nav.dashboard')} ↓
      </a>
      <header>
        <span class="brand">{t('app.title')}</span>
        {user && (
          <nav aria-label={t('app.nav')}>
            {pages.map((p) => (
              <a key={p} href={`#/${p}`} aria-current={p === page ? 'page' : undefined}>
                {t(`nav.${p}` as MessageKey)}
              </a>
            ))}
          </nav>
        )}
        <div class="tools">
          {switchLanguage}
          {user && (
            <button type="button" onClick={() => void signOut()}>
              {t('app.signOut')}
            </button>
          )}
        </div>
      </header>
      {user === null && <LoginPage onSignedIn={setUser} />}
      {user && (
        <main id="main" tabIndex={-1}>
          {page === 'dashboard' && <DashboardPage />}
          {page === 'catalogue' && <CataloguePage user={user} />}
          {page === 'eid-apps' && <EidAppsPage user={user} />}
          {page === 'oidc-clients' && <OidcClientsPage user={user} />}
          {page === 'terminals' && <TerminalsPage canManage={user.role !== 'member-viewer'} />}
          {page === 'surveys' && <SurveysPage />}
          {page === 'members' && <MembersPage user={user} />}
        </main>
      )}
    </I18nContext.Provider>
  );
}

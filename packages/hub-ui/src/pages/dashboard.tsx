import type {
  StatisticsResponse,
  SurveyResultsResponse,
  TerminalListResponse,
} from '@sidbox/protocol';
import { KeyFigure } from '../components/key-figure.js';
import { Status } from '../components/status.js';
import { useI18n } from '../i18n.js';
import { useApi } from '../use-api.js';

/** The seed's figures: PIN activations, online share, sessions, interviews, terminals online. */
export function DashboardPage() {
  const { t, lang } = useI18n();
  const stats = useApi<StatisticsResponse>('/statistics');
  const terminals = useApi<TerminalListResponse>('/terminals');
  const survey = useApi<SurveyResultsResponse>('/surveys/results');
  const s = stats.data?.statistics;
  const fleet = terminals.data?.terminals.filter((x) => !x.revoked) ?? [];
  const number = (n: number) => n.toLocaleString(lang);
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading">{t('dashboard.heading')}</h1>
      <Status error={stats.error ?? terminals.error} loading={!s} />
      {s && (
        <>
          <div class="figures">
            <KeyFigure value={number(s.pinChanges)} label={t('dashboard.pinChanges')} />
            <KeyFigure
              value={
                s.onlineShare === null
                  ? '–'
                  : s.onlineShare.toLocaleString(lang, {
                      style: 'percent',
                      maximumFractionDigits: 0,
                    })
              }
              label={t('dashboard.onlineShare')}
            />
            <KeyFigure value={number(s.sessions)} label={t('dashboard.sessions')} />
            <KeyFigure
              value={number(survey.data?.results.responses ?? 0)}
              label={t('dashboard.interviews')}
            />
            <KeyFigure
              value={`${fleet.filter((x) => x.online).length} / ${fleet.length}`}
              label={t('dashboard.terminalsOnline')}
            />
            <KeyFigure
              value={s.averageSessionSeconds ?? '–'}
              label={t('dashboard.averageSession')}
            />
          </div>
          <div class="columns">
            <table>
              <caption>{t('dashboard.topServices')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.service')}</th>
                  <th scope="col">{t('dashboard.count')}</th>
                </tr>
              </thead>
              <tbody>
                {s.topServices.map((x) => (
                  <tr key={x.serviceId}>
                    <td>{x.serviceId}</td>
                    <td class="number">{number(x.opened)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>{t('dashboard.outcomes')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.workflow')}</th>
                  <th scope="col">{t('dashboard.outcome')}</th>
                  <th scope="col">{t('dashboard.count')}</th>
                </tr>
              </thead>
              <tbody>
                {s.eidOutcomes.map((x) => (
                  <tr key={`${x.workflow}-${x.code}`}>
                    <td>{x.workflow}</td>
                    <td>{x.code}</td>
                    <td class="number">{number(x.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <table>
            <caption>{t('dashboard.sessionsPerDay')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.day')}</th>
                <th scope="col">{t('dashboard.sessions')}</th>
              </tr>
            </thead>
            <tbody>
              {s.sessionsPerDay.slice(-14).map((x) => (
                <tr key={x.day}>
                  <td>{new Date(x.day).toLocaleDateString(lang)}</td>
                  <td class="number">{number(x.sessions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

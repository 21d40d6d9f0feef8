import type { AccessDecisionListResponse } from '@sidbox/protocol';
import { errorText } from '../../error-text.js';
import { eidAppPaths } from '../../eid-apps/paths.js';
import { useI18n } from '../../i18n.js';
import { useApi } from '../../use-api.js';

/** The audit log: who (by label) was let in or refused where, why, and whether offline. */
export function DecisionLog({ appId }: { appId: string }) {
  const { t, lang } = useI18n();
  const log = useApi<AccessDecisionListResponse>(eidAppPaths.decisions(appId));
  return (
    <section aria-labelledby="log-heading">
      <h3 id="log-heading">{t('access.log')}</h3>
      <button type="button" class="secondary" onClick={log.reload}>
        {t('access.refresh')}
      </button>
      {log.failure !== undefined && (
        <p role="alert" class="error">
          {t('common.error')}: {errorText(log.failure, t)}
        </p>
      )}
      {log.data?.decisions.length === 0 && <p>{t('access.noDecisions')}</p>}
      {!!log.data?.decisions.length && (
        <table data-testid="decisions">
          <caption class="visually-hidden">{t('access.log')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('access.time')}</th>
              <th scope="col">{t('access.point')}</th>
              <th scope="col">{t('access.person')}</th>
              <th scope="col">{t('access.decision')}</th>
              <th scope="col">{t('access.via')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.decisions.map((d) => (
              <tr key={d.decisionId}>
                <td>{new Date(d.decidedAt).toLocaleString(lang)}</td>
                <td>{d.pointName}</td>
                <td>{d.personLabel ?? t('access.unknown')}</td>
                <td>
                  <span class={`state ${d.granted ? 'online' : 'offline'}`}>
                    {d.granted ? t('access.granted') : t('access.denied')}
                  </span>{' '}
                  ({t(`access.reason.${d.reason}`)})
                </td>
                <td>{d.offline ? t('access.offline') : t('access.online')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import type {
  AccessPoint,
  AccessPointCreatedResponse,
  AccessPointListResponse,
} from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Field } from '../../components/field.js';
import { useFocusOnMount } from '../../components/focus-on-mount.js';
import { Notice, useNotice } from '../../components/notice.js';
import { errorText } from '../../error-text.js';
import { eidAppPaths } from '../../eid-apps/paths.js';
import { accessPointConfig } from '../../eid-apps/access-point-config.js';
import { fill, useI18n } from '../../i18n.js';
import { useApi } from '../../use-api.js';

/** The token, shown once, and an access.yaml for `sidbox access --config` around it. */
function PointToken({ created }: { created: AccessPointCreatedResponse }) {
  const { t } = useI18n();
  const ref = useFocusOnMount<HTMLElement>();
  const config = accessPointConfig(created, { reader: t('access.placeholder.reader') });
  return (
    <section class="credential" aria-labelledby="token-heading" tabIndex={-1} ref={ref}>
      <h3 id="token-heading">{fill(t('access.token'), { name: created.accessPoint.name })}</h3>
      <p>{t('access.tokenHint')}</p>
      <pre data-testid="access-token" aria-label={t('access.tokenFile')}>
        {created.token}
      </pre>
      <pre data-testid="access-config" aria-label={t('access.configFile')}>
        {config}
      </pre>
    </section>
  );
}

/** The doors' readers of an access app: create (token once), list, revoke. */
export function AccessPointsSection({ appId }: { appId: string }) {
  const { t, lang } = useI18n();
  const points = useApi<AccessPointListResponse>(eidAppPaths.accessPoints(appId));
  const { notice, run } = useNotice();
  const [created, setCreated] = useState<AccessPointCreatedResponse>();
  const [name, setName] = useState('');
  const create = async (event: Event) => {
    event.preventDefault();
    const ok = await run(async () => {
      setCreated(
        await api<AccessPointCreatedResponse>('POST', eidAppPaths.accessPoints(appId), {
          name: name.trim(),
        }),
      );
      points.reload();
    }, 'access.pointCreated');
    if (ok) setName('');
  };
  const revoke = (point: AccessPoint) => {
    if (!confirm(fill(t('access.pointRevokeConfirm'), { name: point.name }))) return;
    void run(async () => {
      await api('POST', eidAppPaths.revokeAccessPoint(appId, point.id));
      points.reload();
    }, 'access.pointRevoked');
  };
  return (
    <section aria-labelledby="points-heading">
      <h3 id="points-heading">{t('access.points')}</h3>
      {points.failure !== undefined && (
        <p role="alert" class="error">
          {t('common.error')}: {errorText(points.failure, t)}
        </p>
      )}
      {points.data?.accessPoints.length === 0 && <p>{t('access.noPoints')}</p>}
      {!!points.data?.accessPoints.length && (
        <table data-testid="access-points">
          <caption class="visually-hidden">{t('access.points')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('access.lastSeen')}</th>
              <th scope="col">{t('eidApps.status')}</th>
              <th scope="col">{t('terminals.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {points.data.accessPoints.map((point) => (
              <tr key={point.id}>
                <td>{point.name}</td>
                <td>
                  {point.lastSeenAt
                    ? new Date(point.lastSeenAt).toLocaleString(lang)
                    : t('common.never')}
                </td>
                <td>{point.revokedAt ? t('access.pointRevokedState') : t('eidApps.active')}</td>
                <td>
                  {!point.revokedAt && (
                    <button type="button" class="danger" onClick={() => revoke(point)}>
                      {t('access.revokePoint')}
                      <span class="visually-hidden">: {point.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        onSubmit={(e) => void create(e)}
        class="inline-form"
        aria-labelledby="add-point-heading"
      >
        <h4 id="add-point-heading">{t('access.addPoint')}</h4>
        <Field label={t('access.pointName')}>
          <input
            name="pointName"
            required
            maxLength={80}
            aria-describedby="point-name-hint"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <p class="hint" id="point-name-hint">
          {t('access.pointNameHint')}
        </p>
        <Notice notice={notice} />
        <button type="submit">{t('access.addPoint')}</button>
      </form>
      {created && <PointToken key={created.accessPoint.id} created={created} />}
    </section>
  );
}

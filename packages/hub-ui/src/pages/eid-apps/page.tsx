import type { EidApp, EidAppListResponse, SessionUser } from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { LoadStatus } from '../../components/load-status.js';
import { MemberPicker, useMemberChoice } from '../../components/member-picker.js';
import { Notice, useNotice } from '../../components/notice.js';
import { eidAppPaths } from '../../eid-apps/paths.js';
import { fill, useI18n } from '../../i18n.js';
import { useApi } from '../../use-api.js';
import { AccessPointsSection } from './access-points.js';
import { AppForm } from './app-form.js';
import { DecisionLog } from './decision-log.js';
import { PersonsSection } from './persons.js';

/** Persons, access points and the log of one door access app. */
function AccessManagement({ app, onClose }: { app: EidApp; onClose: () => void }) {
  const { t, lang } = useI18n();
  const title = app.title[lang] ?? app.title['de'] ?? app.id;
  return (
    <section aria-labelledby="access-heading" class="access">
      <h2 id="access-heading">{fill(t('access.heading'), { title })}</h2>
      <button type="button" class="secondary" onClick={onClose}>
        {t('access.close')}
      </button>
      <PersonsSection appId={app.id} appTitle={title} />
      <AccessPointsSection appId={app.id} />
      <DecisionLog appId={app.id} />
    </section>
  );
}

/**
 * A member's eID apps (issue 12): list, create and change per kind, archive and restore, and
 * for door access apps the persons, access points and log. Association admins pick the member.
 */
export function EidAppsPage({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const canManage = user.role !== 'member-viewer';
  const choice = useMemberChoice(user);
  const apps = useApi<EidAppListResponse>(
    choice.ready ? eidAppPaths.list(choice.organisationId) : undefined,
  );
  const [editingId, setEditingId] = useState<string>();
  const [accessId, setAccessId] = useState<string>();
  const list = useNotice();
  const editing = apps.data?.apps.find((app) => app.id === editingId);
  const managed = apps.data?.apps.find(
    (app) => app.id === accessId && app.settings.kind === 'access',
  );
  const titleOf = (app: EidApp) => app.title[lang] ?? app.title['de'] ?? app.id;

  const setArchived = (app: EidApp, archived: boolean) =>
    void list.run(
      async () => {
        await api('POST', archived ? eidAppPaths.archive(app.id) : eidAppPaths.restore(app.id));
        apps.reload();
      },
      archived ? 'eidApps.archivedDone' : 'eidApps.restoredDone',
    );
  const pickMember = (id: string) => {
    choice.pick(id);
    setEditingId(undefined);
    setAccessId(undefined);
  };

  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading">{t('eidApps.heading')}</h1>
      <p class="lead">{t('eidApps.intro')}</p>
      <MemberPicker label={t('eidApps.member')} choice={choice} onPick={pickMember} />
      <LoadStatus resource={apps} />
      {apps.data?.apps.length === 0 && <p>{t('eidApps.none')}</p>}
      {!!apps.data?.apps.length && (
        <table data-testid="eid-apps">
          <caption class="visually-hidden">{t('eidApps.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eidApps.id')}</th>
              <th scope="col">{t('eidApps.title')}</th>
              <th scope="col">{t('eidApps.kind')}</th>
              <th scope="col">{t('eidApps.status')}</th>
              <th scope="col">{t('terminals.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {apps.data.apps.map((app) => (
              <tr key={app.id} data-app={app.id}>
                <td>
                  <code>{app.id}</code>
                </td>
                <td>{titleOf(app)}</td>
                <td>{t(`eidApps.kind.${app.settings.kind}`)}</td>
                <td>
                  <span class={`state ${app.archived ? 'revoked' : 'online'}`}>
                    {app.archived ? t('eidApps.archived') : t('eidApps.active')}
                  </span>
                </td>
                <td>
                  {canManage && !app.archived && (
                    <button type="button" onClick={() => setEditingId(app.id)}>
                      {t('eidApps.edit')}
                      <span class="visually-hidden">: {titleOf(app)}</span>
                    </button>
                  )}
                  {canManage && !app.archived && app.settings.kind === 'access' && (
                    <button type="button" onClick={() => setAccessId(app.id)}>
                      {t('eidApps.manageAccess')}
                      <span class="visually-hidden">: {titleOf(app)}</span>
                    </button>
                  )}
                  {canManage && (
                    <button
                      type="button"
                      class={app.archived ? undefined : 'danger'}
                      onClick={() => setArchived(app, !app.archived)}
                    >
                      {app.archived ? t('eidApps.restore') : t('eidApps.archive')}
                      <span class="visually-hidden">: {titleOf(app)}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Notice notice={list.notice} />
      {apps.data && <ReceptionPages apps={apps.data} titleOf={titleOf} />}
      {canManage && editing && (
        <AppForm
          key={editing.id}
          app={editing}
          organisationId={undefined}
          onSaved={apps.reload}
          onClose={() => setEditingId(undefined)}
        />
      )}
      {canManage && !editing && choice.ready && (
        <AppForm
          key={choice.memberId}
          organisationId={choice.organisationId}
          onSaved={apps.reload}
        />
      )}
      {canManage && managed && (
        <AccessManagement key={managed.id} app={managed} onClose={() => setAccessId(undefined)} />
      )}
    </section>
  );
}

/** Where the reception of a member with hand-over forms types the guest's code. */
function ReceptionPages({
  apps: { apps, eidServerOrigin },
  titleOf,
}: {
  apps: EidAppListResponse;
  titleOf: (app: EidApp) => string;
}) {
  const { t } = useI18n();
  const handedOver = apps.filter(
    (app) => !app.archived && app.settings.kind === 'form' && app.settings.output === 'handover',
  );
  if (eidServerOrigin === null || handedOver.length === 0) return null;
  return (
    <section aria-labelledby="reception-heading" data-testid="reception-pages">
      <h2 id="reception-heading">{t('eidApps.receptionHeading')}</h2>
      <p>{t('eidApps.receptionText')}</p>
      <ul>
        {handedOver.map((app) => {
          const address = new URL(`/apps/${app.id}/handover`, eidServerOrigin).href;
          return (
            <li key={app.id}>
              {titleOf(app)}: <a href={address}>{address}</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

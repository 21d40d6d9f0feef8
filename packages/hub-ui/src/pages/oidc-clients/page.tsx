import type {
  OidcClient,
  OidcClientListResponse,
  OidcClientSecretResponse,
  SessionUser,
} from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { LoadStatus } from '../../components/load-status.js';
import { MemberPicker, useMemberChoice } from '../../components/member-picker.js';
import { Notice, useNotice } from '../../components/notice.js';
import { discoveryUrlOf } from '../../oidc-clients/draft.js';
import { oidcClientPaths } from '../../oidc-clients/paths.js';
import { fill, useI18n, type I18n } from '../../i18n.js';
import { useApi } from '../../use-api.js';
import { ClientForm } from './client-form.js';
import { SecretPanel } from './secret-panel.js';

/** The data a platform gets, in plain words. */
const claimsInWords = (client: OidcClient, t: I18n['t']) =>
  client.claims.length === 0
    ? t('oidcClients.pseudonymOnly')
    : client.claims
        .map((claim) =>
          claim === 'age_over'
            ? fill(t('oidcClients.claimAgeOver'), { age: client.minimumAge ?? '…' })
            : t(`oidcClients.claim.${claim}`),
        )
        .join(', ');

/**
 * "Anmeldung mit Ausweis" (issue 17): a member's online platforms as OpenID Connect clients of
 * the eID-Server — list, register (the secret shown once with what the platform's settings
 * need), change, renew the secret, archive and restore. Association admins pick the member.
 */
export function OidcClientsPage({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const canManage = user.role !== 'member-viewer';
  const choice = useMemberChoice(user);
  const list = useApi<OidcClientListResponse>(
    choice.ready ? oidcClientPaths.list(choice.organisationId) : undefined,
  );
  const [editingId, setEditingId] = useState<string>();
  const [shown, setShown] = useState<OidcClientSecretResponse>();
  const actions = useNotice();
  const editing = list.data?.clients.find((client) => client.clientId === editingId);
  const issuer = list.data?.issuer ?? null;

  const setArchived = (client: OidcClient, archived: boolean) =>
    void actions.run(
      async () => {
        const path = archived
          ? oidcClientPaths.archive(client.clientId)
          : oidcClientPaths.restore(client.clientId);
        await api('POST', path);
        if (shown?.client.clientId === client.clientId) setShown(undefined);
        list.reload();
      },
      archived ? 'oidcClients.archivedDone' : 'oidcClients.restoredDone',
    );
  const renew = (client: OidcClient) => {
    if (!confirm(fill(t('oidcClients.renewConfirm'), { name: client.name }))) return;
    void actions.run(async () => {
      setShown(
        await api<OidcClientSecretResponse>('POST', oidcClientPaths.secret(client.clientId)),
      );
      list.reload();
    }, 'oidcClients.renewed');
  };
  const pickMember = (id: string) => {
    choice.pick(id);
    setEditingId(undefined);
    setShown(undefined);
  };

  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading">{t('oidcClients.heading')}</h1>
      <p class="lead">{t('oidcClients.intro')}</p>
      <MemberPicker label={t('oidcClients.member')} choice={choice} onPick={pickMember} />
      <LoadStatus resource={list} />
      {list.data && issuer === null && <p class="hint">{t('oidcClients.noEidServer')}</p>}
      {issuer !== null && (
        <section aria-labelledby="settings-heading" data-testid="provider-settings">
          <h2 id="settings-heading">{t('oidcClients.settingsHeading')}</h2>
          <p>{t('oidcClients.settingsText')}</p>
          <dl class="settings">
            <div>
              <dt>{t('oidcClients.issuer')}</dt>
              <dd>
                <code>{issuer}</code>
              </dd>
            </div>
            <div>
              <dt>{t('oidcClients.discovery')}</dt>
              <dd>
                <code>{discoveryUrlOf(issuer)}</code>
              </dd>
            </div>
          </dl>
        </section>
      )}
      {list.data?.clients.length === 0 && <p>{t('oidcClients.none')}</p>}
      {!!list.data?.clients.length && (
        <table data-testid="oidc-clients">
          <caption class="visually-hidden">{t('oidcClients.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('oidcClients.clientId')}</th>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('oidcClients.claims')}</th>
              <th scope="col">{t('oidcClients.status')}</th>
              <th scope="col">{t('terminals.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.clients.map((client) => (
              <tr key={client.clientId} data-client={client.clientId}>
                <td>
                  <code class="identifier">{client.clientId}</code>
                </td>
                <td>{client.name}</td>
                <td>{claimsInWords(client, t)}</td>
                <td>
                  <span class={`state ${client.archived ? 'revoked' : 'online'}`}>
                    {client.archived ? t('oidcClients.archived') : t('oidcClients.active')}
                  </span>
                </td>
                <td>
                  {canManage && !client.archived && (
                    <>
                      <button type="button" onClick={() => setEditingId(client.clientId)}>
                        {t('oidcClients.edit')}
                        <span class="visually-hidden">: {client.name}</span>
                      </button>
                      <button type="button" onClick={() => renew(client)}>
                        {t('oidcClients.renew')}
                        <span class="visually-hidden">: {client.name}</span>
                      </button>
                    </>
                  )}
                  {canManage && (
                    <button
                      type="button"
                      class={client.archived ? undefined : 'danger'}
                      onClick={() => setArchived(client, !client.archived)}
                    >
                      {client.archived ? t('oidcClients.restore') : t('oidcClients.archive')}
                      <span class="visually-hidden">: {client.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Notice notice={actions.notice} />
      {shown && <SecretPanel key={shown.clientSecret} shown={shown} />}
      {canManage && editing && (
        <ClientForm
          key={editing.clientId}
          client={editing}
          organisationId={undefined}
          onSaved={list.reload}
          onClose={() => setEditingId(undefined)}
        />
      )}
      {canManage && !editing && choice.ready && (
        <ClientForm
          key={choice.memberId}
          organisationId={choice.organisationId}
          onSaved={list.reload}
          onCreated={setShown}
        />
      )}
    </section>
  );
}

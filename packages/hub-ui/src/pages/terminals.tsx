import {
  targetGroupPresets,
  type AdminTerminal,
  type ConfigPreviewResponse,
  type EnrolledTerminalResponse,
  type Organisation,
  type OrganisationListResponse,
  type TerminalListResponse,
} from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Field, formValues } from '../components/field.js';
import { Status } from '../components/status.js';
import { useI18n } from '../i18n.js';
import { useApi } from '../use-api.js';

/** The one-time credential: shown once, with a download of the JSON file for the stick. */
function CredentialFile({ credential }: { credential: { terminalId: string } }) {
  const { t } = useI18n();
  const json = JSON.stringify(credential, null, 2);
  const href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  return (
    <section
      class="credential"
      aria-labelledby="credential-heading"
      tabIndex={-1}
      ref={(el) => el?.focus()}
    >
      <h2 id="credential-heading">{t('terminals.credential')}</h2>
      <p>{t('terminals.credentialHint')}</p>
      <a class="button" href={href} download={`sidbox-credential-${credential.terminalId}.json`}>
        {t('terminals.download')}
      </a>
      <pre data-testid="credential">{json}</pre>
    </section>
  );
}

function EnrollForm({
  organisations,
  onEnrolled,
}: {
  organisations: Organisation[];
  onEnrolled: (credential: { terminalId: string }) => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const submit = async (event: Event) => {
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(event);
    try {
      const { credential } = await api<EnrolledTerminalResponse>('POST', '/terminals', {
        organisationId: v['organisationId'],
        name: v['name'],
        location: v['location'],
        kind: v['kind'],
        preset: v['preset'],
        training: v['training'] === 'on',
      });
      // Emptied, so that a second click cannot enrol the same terminal twice; the credential
      // below takes the focus.
      form.reset();
      setError(undefined);
      onEnrolled(credential);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form onSubmit={submit} class="inline-form" aria-labelledby="enroll-heading">
      <h2 id="enroll-heading">{t('terminals.enroll')}</h2>
      <Field label={t('common.organisation')}>
        <select name="organisationId">
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('common.name')}>
        <input name="name" required maxLength={120} />
      </Field>
      <Field label={t('terminals.location')}>
        <input name="location" maxLength={200} />
      </Field>
      <Field label={t('terminals.kind')}>
        <select name="kind">
          <option value="basic">basic</option>
          <option value="comfort">comfort</option>
        </select>
      </Field>
      <Field label={t('terminals.preset')}>
        <select name="preset">
          {targetGroupPresets.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </Field>
      <label class="check">
        <input type="checkbox" name="training" /> {t('terminals.training')}
      </label>
      <Status error={error} />
      <button type="submit">{t('terminals.enroll')}</button>
    </form>
  );
}

export function TerminalsPage({ canManage }: { canManage: boolean }) {
  const { t, lang } = useI18n();
  const terminals = useApi<TerminalListResponse>('/terminals');
  const orgs = useApi<OrganisationListResponse>('/organisations');
  const [credential, setCredential] = useState<{ terminalId: string }>();
  const [preview, setPreview] = useState<string>();
  const showPreview = async (id: string) => {
    const { config } = await api<ConfigPreviewResponse>('GET', `/terminals/${id}/config-preview`);
    setPreview(JSON.stringify(config, null, 2));
  };
  const revoke = async (id: string) => {
    if (!confirm(t('terminals.revokeConfirm'))) return;
    await api('POST', `/terminals/${id}/revoke`);
    terminals.reload();
  };
  const status = (x: AdminTerminal) =>
    x.revoked ? t('terminals.revoked') : x.online ? t('terminals.online') : t('terminals.offline');
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading">{t('terminals.heading')}</h1>
      <Status error={terminals.error} loading={!terminals.data} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('terminals.location')}</th>
            <th scope="col">{t('terminals.status')}</th>
            <th scope="col">{t('terminals.lastSeen')}</th>
            <th scope="col">{t('terminals.health')}</th>
            <th scope="col">{t('terminals.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {terminals.data?.terminals.map((x) => (
            <tr key={x.id}>
              <td>
                {x.name}
                {x.training && <span class="tag">{t('terminals.training')}</span>}
              </td>
              <td>{x.location}</td>
              <td>
                <span class={`state ${x.revoked ? 'revoked' : x.online ? 'online' : 'offline'}`}>
                  {status(x)}
                </span>
              </td>
              <td>
                {x.lastSeenAt ? new Date(x.lastSeenAt).toLocaleString(lang) : t('common.never')}
              </td>
              <td>
                {x.lastHeartbeat &&
                  `SIDbox ${x.lastHeartbeat.softwareVersion ?? '?'} · AusweisApp ${
                    x.lastHeartbeat.ausweisAppVersion ?? '–'
                  } · ${t('terminals.reader')}: ${
                    x.lastHeartbeat.readerAttached ? t('common.yes') : t('common.no')
                  } · config v${x.lastHeartbeat.configVersion ?? 0}`}
                {x.lastHeartbeat?.browserPolicyEnforced === false && (
                  <span class="tag alert" title={t('terminals.policyMissingHint')}>
                    {t('terminals.policyMissing')}
                  </span>
                )}
              </td>
              <td class="actions">
                <button type="button" onClick={() => void showPreview(x.id)}>
                  {t('terminals.preview')}
                </button>
                {canManage && !x.revoked && (
                  <button type="button" class="danger" onClick={() => void revoke(x.id)}>
                    {t('terminals.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview && <pre aria-label={t('terminals.preview')}>{preview}</pre>}
      {canManage && orgs.data && (
        <EnrollForm
          organisations={orgs.data.organisations.filter((o) => o.kind === 'member')}
          onEnrolled={(c) => {
            setCredential(c);
            terminals.reload();
          }}
        />
      )}
      {credential && <CredentialFile credential={credential} />}
    </section>
  );
}

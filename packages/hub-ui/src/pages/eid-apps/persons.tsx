import type {
  AccessGrantBody,
  RegisteredPerson,
  RegisteredPersonListResponse,
  AccessRegistrationCreatedResponse,
  AccessRegistrationListResponse,
  AccessWindow,
} from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Field } from '../../components/field.js';
import { Notice, useNotice } from '../../components/notice.js';
import { useFocusOnMount } from '../../components/focus-on-mount.js';
import { errorText } from '../../error-text.js';
import { eidAppPaths } from '../../eid-apps/paths.js';
import { formatWindows, windowProblem } from '../../eid-apps/windows.js';
import { fill, useI18n } from '../../i18n.js';
import type { MessageKey } from '../../messages.js';
import { useApi } from '../../use-api.js';
import { WindowsEditor } from './windows-editor.js';

/** Windows in words: "Mo–Fr 07:00–19:00", or "jederzeit". */
export function useWindowsText() {
  const { t } = useI18n();
  return (windows: readonly AccessWindow[]) =>
    formatWindows(windows, (day) => t(`dayShort.${day}` as MessageKey), t('access.always'));
}

/** Label and windows, as registering and changing a person both ask for them. */
function GrantForm({
  heading,
  submitLabel,
  initial,
  onSubmit,
  onCancel,
  notice,
  showNotice = true,
  autoFocus = false,
  idPrefix,
}: {
  heading: string;
  submitLabel: string;
  initial: { label: string; windows: AccessWindow[] };
  onSubmit: (grant: AccessGrantBody) => Promise<boolean>;
  onCancel?: () => void;
  notice: ReturnType<typeof useNotice>;
  /** False where the page shows this notice itself, outside the form. */
  showNotice?: boolean;
  /** Focus the label when the form opens (changing a person). */
  autoFocus?: boolean;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [label, setLabel] = useState(initial.label);
  const [windows, setWindows] = useState<AccessWindow[]>(initial.windows);
  const labelRef = useFocusOnMount<HTMLInputElement>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = windowProblem(windows);
    if (problem) {
      const key = problem.problem === 'no-days' ? 'access.windowDays' : 'access.windowOrder';
      notice.setNotice({ error: fill(t(key), { n: problem.n }) });
      return;
    }
    if ((await onSubmit({ label: label.trim(), windows })) && !onCancel) {
      setLabel(initial.label);
      setWindows(initial.windows);
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      class="inline-form"
      aria-labelledby={`${idPrefix}-heading`}
    >
      <h3 id={`${idPrefix}-heading`}>{heading}</h3>
      <Field label={t('access.label')}>
        <input
          name="label"
          ref={autoFocus ? labelRef : undefined}
          required
          maxLength={80}
          aria-describedby={`${idPrefix}-label-hint`}
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
      </Field>
      <p class="hint" id={`${idPrefix}-label-hint`}>
        {t('access.labelHint')}
      </p>
      <WindowsEditor windows={windows} onChange={setWindows} />
      {showNotice && <Notice notice={notice.notice} />}
      <div class="row">
        <button type="submit">{submitLabel}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('eidApps.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** The one-time code, large, with how the person uses it; focused so it is read out. */
function RegistrationCode({
  created,
  appTitle,
}: {
  created: AccessRegistrationCreatedResponse;
  appTitle: string;
}) {
  const { t, lang } = useI18n();
  const ref = useFocusOnMount<HTMLElement>();
  return (
    <section class="credential" aria-labelledby="code-heading" tabIndex={-1} ref={ref}>
      <h3 id="code-heading">{fill(t('access.code'), { label: created.registration.label })}</h3>
      <p class="one-time-code" data-testid="registration-code">
        {created.code}
      </p>
      <p>
        {fill(t('access.codeHint'), {
          title: appTitle,
          until: new Date(created.expiresAt).toLocaleString(lang),
        })}
      </p>
    </section>
  );
}

/** Register a person (a one-time code), the unused codes, and the registered persons. */
export function PersonsSection({ appId, appTitle }: { appId: string; appTitle: string }) {
  const { t, lang } = useI18n();
  const windowsText = useWindowsText();
  const registrations = useApi<AccessRegistrationListResponse>(eidAppPaths.registrations(appId));
  const persons = useApi<RegisteredPersonListResponse>(eidAppPaths.persons(appId));
  const register = useNotice();
  const change = useNotice();
  const [created, setCreated] = useState<AccessRegistrationCreatedResponse>();
  const [editing, setEditing] = useState<RegisteredPerson>();

  const createRegistration = (grant: AccessGrantBody) =>
    register.run(async () => {
      setCreated(
        await api<AccessRegistrationCreatedResponse>(
          'POST',
          eidAppPaths.registrations(appId),
          grant,
        ),
      );
      registrations.reload();
    }, 'access.codeShown');
  const savePerson = (person: RegisteredPerson, grant: AccessGrantBody) =>
    change.run(async () => {
      await api('PUT', eidAppPaths.person(appId, person.id), grant);
      setEditing(undefined);
      persons.reload();
    }, 'access.personSaved');
  const revoke = (person: RegisteredPerson) => {
    if (!confirm(fill(t('access.revokeConfirm'), { label: person.label }))) return;
    void change.run(async () => {
      await api('POST', eidAppPaths.revokePerson(appId, person.id));
      persons.reload();
    }, 'access.personRevoked');
  };
  const now = Date.now();
  const pending =
    registrations.data?.registrations.filter(
      (r) => r.usedAt === null && Date.parse(r.expiresAt) > now,
    ) ?? [];
  const loadFailure = persons.failure ?? registrations.failure;

  return (
    <>
      <GrantForm
        heading={t('access.register')}
        submitLabel={t('access.register')}
        initial={{ label: '', windows: [] }}
        onSubmit={createRegistration}
        notice={register}
        idPrefix="register"
      />
      {created && <RegistrationCode created={created} appTitle={appTitle} />}
      {pending.length > 0 && (
        <table>
          <caption>{t('access.pending')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('access.person')}</th>
              <th scope="col">{t('access.windows')}</th>
              <th scope="col">{t('access.validUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((r) => (
              <tr key={r.id}>
                <td>{r.label}</td>
                <td>{windowsText(r.windows)}</td>
                <td>{new Date(r.expiresAt).toLocaleString(lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('access.persons')}</h3>
      {loadFailure !== undefined && (
        <p role="alert" class="error">
          {t('common.error')}: {errorText(loadFailure, t)}
        </p>
      )}
      {persons.data?.persons.length === 0 && <p>{t('access.noPersons')}</p>}
      {!!persons.data?.persons.length && (
        <table data-testid="persons">
          <caption class="visually-hidden">{t('access.persons')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('access.person')}</th>
              <th scope="col">{t('access.windows')}</th>
              <th scope="col">{t('eidApps.status')}</th>
              <th scope="col">{t('terminals.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {persons.data.persons.map((person) => (
              <tr key={person.id}>
                <td>{person.label}</td>
                <td>{windowsText(person.windows)}</td>
                <td>{person.revokedAt ? t('access.revoked') : t('eidApps.active')}</td>
                <td>
                  {!person.revokedAt && (
                    <>
                      <button type="button" onClick={() => setEditing(person)}>
                        {t('eidApps.edit')}
                        <span class="visually-hidden">: {person.label}</span>
                      </button>
                      <button type="button" class="danger" onClick={() => revoke(person)}>
                        {t('access.revoke')}
                        <span class="visually-hidden">: {person.label}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Notice notice={change.notice} />
      {editing && (
        <GrantForm
          key={editing.id}
          heading={fill(t('access.editPerson'), { label: editing.label })}
          submitLabel={t('common.save')}
          initial={{ label: editing.label, windows: [...editing.windows] }}
          onSubmit={(grant) => savePerson(editing, grant)}
          onCancel={() => setEditing(undefined)}
          notice={change}
          showNotice={false}
          autoFocus
          idPrefix="edit-person"
        />
      )}
    </>
  );
}

import type {
  OrganisationListResponse,
  Role,
  SessionUser,
  UserListResponse,
} from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Field, formValues } from '../components/field.js';
import { Status } from '../components/status.js';
import { fill, useI18n } from '../i18n.js';
import { useApi } from '../use-api.js';
import { CounterCasesSection } from './counter-cases-section.js';
import { MemberEditForm } from './member-edit-form.js';

const roles: Role[] = ['association-admin', 'member-admin', 'member-viewer'];

export function MembersPage({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const orgs = useApi<OrganisationListResponse>('/organisations');
  const users = useApi<UserListResponse>('/users');
  const [error, setError] = useState<string>();
  const association = user.role === 'association-admin';
  const canManage = user.role !== 'member-viewer';
  const run = async (action: () => Promise<unknown>, reload: () => void = () => undefined) => {
    try {
      await action();
      setError(undefined);
      reload();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };
  const [memberAdded, setMemberAdded] = useState<string>();
  const [userAdded, setUserAdded] = useState<string>();
  // A created record empties its form (no password left in a field, no second submit of the
  // same) and says so beside it.
  const create = async (
    event: Event,
    action: (v: Record<string, string>) => Promise<unknown>,
    reload: () => void,
    done: (v: Record<string, string>) => void,
  ) => {
    const form = event.currentTarget as HTMLFormElement;
    const v = formValues(event);
    if (await run(() => action(v), reload)) {
      form.reset();
      done(v);
    }
  };
  const addMember = (event: Event) => {
    setMemberAdded(undefined);
    void create(
      event,
      (v) =>
        api('POST', '/organisations', {
          slug: v['slug'],
          name: v['name'],
          yearlyFeeCents: Math.round(Number(v['fee']) * 100),
        }),
      orgs.reload,
      (v) => setMemberAdded(fill(t('members.created'), { name: v['name'] ?? '' })),
    );
  };
  const addUser = (event: Event) => {
    setUserAdded(undefined);
    void create(
      event,
      (v) =>
        api('POST', '/users', {
          organisationId: v['organisationId'],
          email: v['email'],
          role: v['role'],
          password: v['password'],
        }),
      users.reload,
      (v) => setUserAdded(fill(t('users.created'), { email: v['email'] ?? '' })),
    );
  };
  const orgName = (id: string) => orgs.data?.organisations.find((o) => o.id === id)?.name ?? id;
  const members = orgs.data?.organisations.filter((o) => o.kind === 'member') ?? [];
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading">{t('members.heading')}</h1>
      <Status error={error ?? orgs.error} loading={!orgs.data} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('members.slug')}</th>
            <th scope="col">{t('members.status')}</th>
            <th scope="col">{t('members.fee')}</th>
          </tr>
        </thead>
        <tbody>
          {orgs.data?.organisations.map((o) => (
            <tr key={o.id}>
              <td>{o.name}</td>
              <td>
                <code>{o.slug}</code>
              </td>
              <td>{t(`membership.${o.membershipStatus}`)}</td>
              <td class="number">
                {(o.yearlyFeeCents / 100).toLocaleString(lang, {
                  style: 'currency',
                  currency: 'EUR',
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {association && (
        <form onSubmit={addMember} class="inline-form" aria-labelledby="add-member-heading">
          <h2 id="add-member-heading">{t('members.add')}</h2>
          <Field label={t('common.name')}>
            <input name="name" required maxLength={200} />
          </Field>
          <Field label={t('members.slug')}>
            <input name="slug" required pattern="[a-z0-9][a-z0-9\-]{0,62}" />
          </Field>
          <Field label={t('members.fee')}>
            <input name="fee" type="number" min="0" step="0.01" value="150" />
          </Field>
          <button type="submit">{t('members.add')}</button>
          {memberAdded && <p role="status">{memberAdded}</p>}
        </form>
      )}
      {association && members.length > 0 && (
        <MemberEditForm members={members} run={(action) => run(action, orgs.reload)} />
      )}
      {orgs.data && (
        <CounterCasesSection
          manageable={canManage ? members : []}
          orgName={orgName}
          run={(action) => run(action)}
        />
      )}
      <h2>{t('users.heading')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('common.organisation')}</th>
            <th scope="col">{t('terminals.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.users.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>{orgName(u.organisationId)}</td>
              <td>
                {canManage && u.id !== user.id && (
                  <button
                    type="button"
                    onClick={() => void run(() => api('DELETE', `/users/${u.id}`), users.reload)}
                  >
                    {t('common.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && orgs.data && (
        <form onSubmit={addUser} class="inline-form" aria-labelledby="add-user-heading">
          <h2 id="add-user-heading">{t('users.add')}</h2>
          <Field label={t('common.organisation')}>
            <select name="organisationId">
              {orgs.data.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('users.email')}>
            <input name="email" type="email" required />
          </Field>
          <Field label={t('users.role')}>
            <select name="role">
              {roles
                .filter((r) => association || r !== 'association-admin')
                .map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
            </select>
          </Field>
          <Field label={t('users.password')}>
            <input
              name="password"
              type="password"
              minLength={12}
              required
              autocomplete="new-password"
            />
          </Field>
          <button type="submit">{t('users.add')}</button>
          {userAdded && <p role="status">{userAdded}</p>}
        </form>
      )}
    </section>
  );
}

import {
  serviceCategories,
  type AdminService,
  type Organisation,
  type OrganisationListResponse,
  type ServiceListResponse,
  type ServiceSelectionResponse,
  type SessionUser,
  type TerminalListResponse,
} from '@sidbox/protocol';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Field, formValues } from '../components/field.js';
import { Status } from '../components/status.js';
import { useI18n } from '../i18n.js';
import { useApi } from '../use-api.js';

function AddServiceForm({
  user,
  organisations,
  onAdded,
}: {
  user: SessionUser;
  organisations: Organisation[];
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ error?: string; ok?: string }>({});
  const association = user.role === 'association-admin';
  const submit = async (event: Event) => {
    const v = formValues(event);
    const owner = v['owner'] === 'national' ? undefined : v['owner'];
    try {
      await api('POST', '/services', {
        id: v['id'],
        title: { de: v['titleDe'], ...(v['titleEn'] && { en: v['titleEn'] }) },
        description: { de: v['descriptionDe'] },
        category: v['category'],
        startUrl: v['startUrl'],
        eid: v['eid'] === 'on',
        ...(owner && { organisationId: owner }),
      });
      (event.target as HTMLFormElement).reset();
      setMessage({ ok: t('catalogue.added') });
      onAdded();
    } catch (e) {
      setMessage({ error: (e as Error).message });
    }
  };
  const owners = association ? organisations.filter((o) => o.kind === 'member') : organisations;
  return (
    <form onSubmit={submit} class="inline-form" aria-labelledby="add-service-heading">
      <h2 id="add-service-heading">{t('catalogue.add')}</h2>
      <Field label={t('catalogue.scope')}>
        <select name="owner">
          {association && <option value="national">{t('catalogue.national')}</option>}
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {t('catalogue.local')}: {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('catalogue.id')}>
        <input name="id" required pattern="[a-z0-9][a-z0-9\-]{0,62}" />
      </Field>
      <Field label={t('catalogue.titleDe')}>
        <input name="titleDe" required maxLength={80} />
      </Field>
      <Field label={t('catalogue.titleEn')}>
        <input name="titleEn" maxLength={80} />
      </Field>
      <Field label={t('catalogue.descriptionDe')}>
        <input name="descriptionDe" required maxLength={200} />
      </Field>
      <Field label={t('catalogue.category')}>
        <select name="category">
          {serviceCategories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </Field>
      <Field label={t('catalogue.startUrl')}>
        <input name="startUrl" type="url" required placeholder="https://" />
      </Field>
      <label class="check">
        <input type="checkbox" name="eid" /> {t('catalogue.eid')}
      </label>
      <Status error={message.error} />
      {message.ok && <p role="status">{message.ok}</p>}
      <button type="submit">{t('catalogue.add')}</button>
    </form>
  );
}

/** Which services a terminal shows, in which order. */
function TerminalSelection({ services }: { services: AdminService[] }) {
  const { t, lang } = useI18n();
  const terminals = useApi<TerminalListResponse>('/terminals');
  const [terminalId, setTerminalId] = useState<string>();
  const [selected, setSelected] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const active = terminals.data?.terminals.filter((x) => !x.revoked) ?? [];
  const current = terminalId ?? active[0]?.id;
  useEffect(() => {
    if (!current) return;
    setSaved(false);
    void api<ServiceSelectionResponse>('GET', `/terminals/${current}/services`).then((r) =>
      setSelected(r.serviceIds),
    );
  }, [current]);
  if (!current) return null;
  const move = (index: number, by: number) => {
    const next = [...selected];
    const [id] = next.splice(index, 1);
    if (id) next.splice(index + by, 0, id);
    setSelected(next);
  };
  const toggle = (id: string) =>
    setSelected(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const save = async () => {
    await api('PUT', `/terminals/${current}/services`, { serviceIds: selected });
    setSaved(true);
  };
  const title = (id: string) => {
    const s = services.find((x) => x.id === id);
    return s?.title[lang] ?? s?.title['de'] ?? id;
  };
  return (
    <section aria-labelledby="selection-heading">
      <h2 id="selection-heading">{t('catalogue.selection')}</h2>
      <Field label={t('catalogue.terminal')}>
        <select value={current} onChange={(e) => setTerminalId(e.currentTarget.value)}>
          {active.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </Field>
      <ol class="selection">
        {selected.map((id, i) => (
          <li key={id}>
            <span>{title(id)}</span>
            <button type="button" disabled={i === 0} onClick={() => move(i, -1)}>
              ↑<span class="visually-hidden">{t('catalogue.up')}</span>
            </button>
            <button type="button" disabled={i === selected.length - 1} onClick={() => move(i, 1)}>
              ↓<span class="visually-hidden">{t('catalogue.down')}</span>
            </button>
            <button type="button" onClick={() => toggle(id)}>
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ol>
      <ul class="plain">
        {services
          .filter((s) => !selected.includes(s.id))
          .map((s) => (
            <li key={s.id}>
              <button type="button" onClick={() => toggle(s.id)}>
                + {title(s.id)}
              </button>
            </li>
          ))}
      </ul>
      <button type="button" onClick={() => void save()}>
        {t('common.save')}
      </button>
      {saved && <p role="status">{t('catalogue.saved')}</p>}
    </section>
  );
}

export function CataloguePage({ user }: { user: SessionUser }) {
  const { t, lang } = useI18n();
  const services = useApi<ServiceListResponse>('/services');
  const orgs = useApi<OrganisationListResponse>('/organisations');
  const canManage = user.role !== 'member-viewer';
  const archive = async (id: string) => {
    await api('DELETE', `/services/${id}`);
    services.reload();
  };
  const mayArchive = (s: AdminService) =>
    canManage && (s.scope === 'local' || user.role === 'association-admin');
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading">{t('catalogue.heading')}</h1>
      <Status error={services.error} loading={!services.data} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('catalogue.id')}</th>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('catalogue.category')}</th>
            <th scope="col">{t('catalogue.scope')}</th>
            <th scope="col">{t('terminals.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {services.data?.services.map((s) => (
            <tr key={s.id}>
              <td>
                <code>{s.id}</code>
              </td>
              <td>{s.title[lang] ?? s.title['de']}</td>
              <td>{s.category}</td>
              <td>{s.scope === 'national' ? t('catalogue.national') : t('catalogue.local')}</td>
              <td>
                {mayArchive(s) && (
                  <button type="button" onClick={() => void archive(s.id)}>
                    {t('catalogue.archive')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && orgs.data && (
        <AddServiceForm
          user={user}
          organisations={orgs.data.organisations}
          onAdded={services.reload}
        />
      )}
      {canManage && services.data && <TerminalSelection services={services.data.services} />}
    </section>
  );
}

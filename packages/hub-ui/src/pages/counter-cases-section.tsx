import type { CounterCaseListResponse, Organisation } from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Field, formValues } from '../components/field.js';
import { useI18n } from '../i18n.js';
import { useApi } from '../use-api.js';

const currentMonth = () => new Date().toISOString().slice(0, 7);

/** Counter cases per month (for the online share); admins record a month's count. */
export function CounterCasesSection(props: {
  /** Members whose counter cases the user may record; empty for viewers. */
  manageable: Organisation[];
  orgName: (id: string) => string;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { t, lang } = useI18n();
  const list = useApi<CounterCaseListResponse>('/counter-cases');
  const [saved, setSaved] = useState(false);
  const record = (event: Event) => {
    const v = formValues(event);
    void props
      .run(() =>
        api('PUT', `/counter-cases/${v['organisationId']}/${v['month']}`, {
          cases: Number(v['cases']),
        }),
      )
      .then((ok) => {
        setSaved(ok);
        if (ok) list.reload();
      });
  };
  return (
    <section aria-labelledby="counter-heading">
      <h2 id="counter-heading">{t('counter.heading')}</h2>
      <p>{t('counter.hint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.organisation')}</th>
            <th scope="col">{t('counter.month')}</th>
            <th scope="col">{t('counter.cases')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.counterCases.slice(0, 24).map((c) => (
            <tr key={`${c.organisationId}-${c.month}`}>
              <td>{props.orgName(c.organisationId)}</td>
              <td>{c.month}</td>
              <td class="number">{c.cases.toLocaleString(lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.manageable.length > 0 && (
        <form onSubmit={record} class="inline-form" aria-label={t('counter.heading')}>
          <Field label={t('common.organisation')}>
            <select name="organisationId">
              {props.manageable.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('counter.month')}>
            <input name="month" type="month" required defaultValue={currentMonth()} />
          </Field>
          <Field label={t('counter.cases')}>
            <input name="cases" type="number" min="0" max="1000000" step="1" required />
          </Field>
          <button type="submit">{t('common.save')}</button>
          {saved && <p role="status">{t('counter.saved')}</p>}
        </form>
      )}
    </section>
  );
}

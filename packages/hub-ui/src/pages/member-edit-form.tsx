import { membershipStatuses, type Organisation } from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Field, formValues } from '../components/field.js';
import { useI18n } from '../i18n.js';

/**
 * The member's current status, selected: Preact has no `defaultValue` for a select (it showed
 * the first status, "Interessent", whatever the member's was, and saving only a new fee
 * demoted an active member). Keyed by member with the fieldset, so choosing another member
 * starts from that member's status.
 */
function StatusSelect(props: { initial: Organisation['membershipStatus'] }) {
  const { t } = useI18n();
  const [status, setStatus] = useState(props.initial);
  return (
    <select
      name="membershipStatus"
      value={status}
      onChange={(e) =>
        setStatus((e.currentTarget as HTMLSelectElement).value as Organisation['membershipStatus'])
      }
    >
      {membershipStatuses.map((s) => (
        <option key={s} value={s}>
          {t(`membership.${s}`)}
        </option>
      ))}
    </select>
  );
}

/** The association admin changes a member's membership status and yearly fee. */
export function MemberEditForm(props: {
  members: Organisation[];
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [selectedId, setSelectedId] = useState(props.members[0]?.id);
  const [saved, setSaved] = useState(false);
  const member = props.members.find((m) => m.id === selectedId) ?? props.members[0];
  if (!member) return null;
  const save = (event: Event) => {
    const v = formValues(event);
    void props
      .run(() =>
        api('PATCH', `/organisations/${member.id}`, {
          membershipStatus: v['membershipStatus'],
          yearlyFeeCents: Math.round(Number(v['fee']) * 100),
        }),
      )
      .then(setSaved);
  };
  return (
    <form onSubmit={save} class="inline-form" aria-labelledby="edit-member-heading">
      <h2 id="edit-member-heading">{t('members.edit')}</h2>
      <Field label={t('members.member')}>
        <select
          name="memberId"
          value={member.id}
          onChange={(e) => {
            setSelectedId((e.currentTarget as HTMLSelectElement).value);
            setSaved(false);
          }}
        >
          {props.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset key={member.id}>
        <Field label={t('members.status')}>
          <StatusSelect initial={member.membershipStatus} />
        </Field>
        <Field label={t('members.fee')}>
          <input
            name="fee"
            type="number"
            min="0"
            step="0.01"
            required
            defaultValue={String(member.yearlyFeeCents / 100)}
          />
        </Field>
      </fieldset>
      <button type="submit">{t('common.save')}</button>
      {saved && <p role="status">{t('members.saved')}</p>}
    </form>
  );
}

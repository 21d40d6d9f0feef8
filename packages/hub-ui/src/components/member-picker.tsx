import type { OrganisationListResponse, SessionUser } from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { useApi } from '../use-api.js';
import { Field } from './field.js';

/**
 * Whose records a member page shows: an association admin picks one of the members (the first
 * until they pick), everyone else sees their own organisation.
 */
export function useMemberChoice(user: SessionUser) {
  const association = user.role === 'association-admin';
  const orgs = useApi<OrganisationListResponse>(association ? '/organisations' : undefined);
  const members = orgs.data?.organisations.filter((o) => o.kind === 'member') ?? [];
  const [picked, setPicked] = useState<string>();
  const memberId = association ? (picked ?? members[0]?.id) : user.organisationId;
  return {
    association,
    members,
    memberId,
    /** The member to name in requests; undefined for member users, whom the hub scopes itself. */
    organisationId: association ? memberId : undefined,
    /** False while an association admin's members are still loading (nothing to ask for yet). */
    ready: !association || !!memberId,
    pick: setPicked,
  };
}

export type MemberChoice = ReturnType<typeof useMemberChoice>;

/** The association admin's member <select>; nothing for other users or without members. */
export function MemberPicker({
  label,
  choice,
  onPick,
}: {
  label: string;
  choice: MemberChoice;
  onPick: (id: string) => void;
}) {
  if (!choice.association || choice.members.length === 0) return null;
  return (
    <Field label={label}>
      <select
        name="memberId"
        value={choice.memberId}
        onChange={(e) => onPick(e.currentTarget.value)}
      >
        {choice.members.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

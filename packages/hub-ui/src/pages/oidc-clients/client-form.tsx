import {
  oidcClaims,
  type CreateOidcClientBody,
  type OidcClient,
  type OidcClientResponse,
  type OidcClientSecretResponse,
} from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Field } from '../../components/field.js';
import { useFocusOnMount } from '../../components/focus-on-mount.js';
import { FormActions } from '../../components/form-actions.js';
import { MinimumAgeField } from '../../components/minimum-age-field.js';
import { Notice, useNotice } from '../../components/notice.js';
import {
  badRedirectUris,
  draftOfClient,
  emptyDraft,
  inputOfDraft,
  updateOfDraft,
  withClaim,
  type ClientDraft,
} from '../../oidc-clients/draft.js';
import { oidcClientPaths } from '../../oidc-clients/paths.js';
import { fill, useI18n } from '../../i18n.js';

/**
 * Registers a platform (then empties itself and hands the one-time secret up) or changes one
 * (`client` given: its id stays). `organisationId` names the member for an association admin.
 */
export function ClientForm({
  client,
  organisationId,
  onSaved,
  onCreated,
  onClose,
}: {
  client?: OidcClient | undefined;
  organisationId: string | undefined;
  onSaved: () => void;
  onCreated?: ((created: OidcClientSecretResponse) => void) | undefined;
  onClose?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ClientDraft>(() =>
    client ? draftOfClient(client) : emptyDraft(),
  );
  const { notice, setNotice, run } = useNotice();
  const set = (patch: Partial<ClientDraft>) => setDraft({ ...draft, ...patch });
  const heading = client ? 'edit-client-heading' : 'create-client-heading';
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const ageOver = draft.claims.includes('age_over');

  const submit = async (event: Event) => {
    event.preventDefault();
    const bad = badRedirectUris(draft);
    if (bad.length > 0) {
      setNotice({ error: fill(t('oidcClients.badRedirectUris'), { uris: bad.join(', ') }) });
      return;
    }
    const saved = client
      ? await run(
          () =>
            api<OidcClientResponse>(
              'PUT',
              oidcClientPaths.client(client.clientId),
              updateOfDraft(draft),
            ),
          'oidcClients.saved',
        )
      : await run(
          async () => {
            const created = await api<OidcClientSecretResponse>('POST', oidcClientPaths.create, {
              ...inputOfDraft(draft),
              ...(organisationId && { organisationId }),
            } satisfies CreateOidcClientBody);
            onCreated?.(created);
          },
          'oidcClients.created',
          { 'eid-server-not-configured': 'oidcClients.noEidServer' },
        );
    if (!saved) return;
    if (!client) setDraft(emptyDraft());
    onSaved();
  };

  return (
    <form onSubmit={(e) => void submit(e)} class="inline-form" aria-labelledby={heading}>
      <h2 id={heading} tabIndex={-1} ref={client ? headingRef : undefined}>
        {client ? `${t('oidcClients.editHeading')}: ${client.name}` : t('oidcClients.create')}
      </h2>
      <Field label={t('oidcClients.clientId')}>
        <input
          name="clientId"
          required
          pattern="[a-z0-9][a-z0-9\-]{2,62}"
          maxLength={63}
          readOnly={!!client}
          aria-describedby={`${heading}-id-hint`}
          value={draft.clientId}
          onInput={(e) => set({ clientId: e.currentTarget.value })}
        />
      </Field>
      <p class="hint" id={`${heading}-id-hint`}>
        {t('oidcClients.clientIdHint')}
      </p>
      <Field label={t('oidcClients.name')}>
        <input
          name="name"
          required
          maxLength={120}
          aria-describedby={`${heading}-name-hint`}
          value={draft.name}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </Field>
      <p class="hint" id={`${heading}-name-hint`}>
        {t('oidcClients.nameHint')}
      </p>
      <Field label={t('oidcClients.redirectUris')}>
        <textarea
          name="redirectUris"
          required
          rows={3}
          spellcheck={false}
          aria-describedby={`${heading}-redirect-hint`}
          value={draft.redirectUris}
          onInput={(e) => set({ redirectUris: e.currentTarget.value })}
        />
      </Field>
      <p class="hint" id={`${heading}-redirect-hint`}>
        {t('oidcClients.redirectUrisHint')}
      </p>
      <fieldset class="group" aria-describedby={`${heading}-claims-hint`}>
        <legend>{t('oidcClients.claims')}</legend>
        <p class="hint" id={`${heading}-claims-hint`}>
          {t('oidcClients.claimsHint')}
        </p>
        {oidcClaims.map((claim) => (
          <label class="check" key={claim}>
            <input
              type="checkbox"
              name="claims"
              value={claim}
              checked={draft.claims.includes(claim)}
              onChange={(e) =>
                set({ claims: withClaim(draft.claims, claim, e.currentTarget.checked) })
              }
            />{' '}
            {t(`oidcClients.claim.${claim}`)}
          </label>
        ))}
        {ageOver && (
          <MinimumAgeField
            label={t('oidcClients.minimumAge')}
            value={draft.minimumAge}
            onInput={(minimumAge) => set({ minimumAge })}
          />
        )}
      </fieldset>
      <Notice notice={notice} />
      <FormActions
        editing={!!client}
        createLabel={t('oidcClients.create')}
        cancelLabel={t('oidcClients.cancel')}
        onClose={onClose}
      />
    </form>
  );
}

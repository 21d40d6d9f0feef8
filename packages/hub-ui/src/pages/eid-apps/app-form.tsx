import {
  eidAppKinds,
  formCardData,
  type CreateEidAppBody,
  type EidApp,
  type EidAppResponse,
  type FormOutput,
  type UpdateEidAppBody,
} from '@sidbox/protocol';
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Field } from '../../components/field.js';
import { useFocusOnMount } from '../../components/focus-on-mount.js';
import { FormActions } from '../../components/form-actions.js';
import { MinimumAgeField } from '../../components/minimum-age-field.js';
import { Notice, useNotice } from '../../components/notice.js';
import {
  draftOfApp,
  emptyDraft,
  inputOfDraft,
  requestedData,
  type AppDraft,
} from '../../eid-apps/draft.js';
import { eidAppPaths } from '../../eid-apps/paths.js';
import { fill, useI18n } from '../../i18n.js';
import type { MessageKey } from '../../messages.js';
import { FieldsEditor } from './fields-editor.js';

const outputs: FormOutput[] = ['print', 'handover'];

/** "Die App fragt genau diese Daten ab: …", from the same rule the eID-Server applies. */
function RequestedData({ draft }: { draft: AppDraft }) {
  const { t } = useI18n();
  const items = requestedData(draft);
  return (
    <div class="asks" aria-live="polite" data-testid="requested-data">
      <strong>{t('eidApps.asks')}</strong>
      <ul>
        {items.map((item) => (
          <li key={item}>
            {fill(t(`eidApps.data.${item}` as MessageKey), { age: draft.minimumAge || '…' })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Creates an app (then empties itself) or changes one (`app` given: its id and kind stay).
 * `organisationId` names the member for an association admin; member admins create their own.
 */
export function AppForm({
  app,
  organisationId,
  onSaved,
  onClose,
}: {
  app?: EidApp | undefined;
  organisationId: string | undefined;
  onSaved: () => void;
  onClose?: (() => void) | undefined;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<AppDraft>(() => (app ? draftOfApp(app) : emptyDraft()));
  const { notice, setNotice, run } = useNotice();
  const set = (patch: Partial<AppDraft>) => setDraft({ ...draft, ...patch });
  const heading = app ? 'edit-app-heading' : 'create-app-heading';
  const headingRef = useFocusOnMount<HTMLHeadingElement>();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (draft.kind === 'form' && draft.cardData.length === 0) {
      setNotice({ error: t('eidApps.cardDataMissing') });
      return;
    }
    const input = inputOfDraft(draft);
    const saved = app
      ? await run(() => {
          const { title, purpose, settings } = input;
          const body: UpdateEidAppBody = { title, purpose, settings };
          return api<EidAppResponse>('PUT', eidAppPaths.app(app.id), body);
        }, 'eidApps.saved')
      : await run(
          () =>
            api<EidAppResponse>('POST', eidAppPaths.create, {
              ...input,
              ...(organisationId && { organisationId }),
            } satisfies CreateEidAppBody),
          'eidApps.created',
          { conflict: 'eidApps.idTaken' },
        );
    if (!saved) return;
    if (!app) setDraft(emptyDraft());
    onSaved();
  };

  const toggleCardData = (item: (typeof formCardData)[number], on: boolean) =>
    set({
      cardData: formCardData.filter((d) => (d === item ? on : draft.cardData.includes(d))),
    });

  return (
    <form onSubmit={(e) => void submit(e)} class="inline-form" aria-labelledby={heading}>
      <h2 id={heading} tabIndex={-1} ref={app ? headingRef : undefined}>
        {app
          ? `${t('eidApps.editHeading')}: ${app.title[lang] ?? app.title['de']}`
          : t('eidApps.create')}
      </h2>
      <Field label={t('eidApps.id')}>
        <input
          name="id"
          required
          pattern="[a-z0-9][a-z0-9\-]{0,58}"
          maxLength={59}
          readOnly={!!app}
          aria-describedby={`${heading}-id-hint`}
          value={draft.id}
          onInput={(e) => set({ id: e.currentTarget.value })}
        />
      </Field>
      <p class="hint" id={`${heading}-id-hint`}>
        {t('eidApps.idHint')}
      </p>
      {!app && (
        <fieldset class="group">
          <legend>{t('eidApps.kind')}</legend>
          {eidAppKinds.map((kind) => (
            <label class="check" key={kind}>
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={draft.kind === kind}
                onChange={() => set({ kind })}
              />{' '}
              <strong>{t(`eidApps.kind.${kind}`)}</strong> – {t(`eidApps.kindHint.${kind}`)}
            </label>
          ))}
        </fieldset>
      )}
      <Field label={t('eidApps.titleDe')}>
        <input
          name="titleDe"
          required
          maxLength={80}
          value={draft.titleDe}
          onInput={(e) => set({ titleDe: e.currentTarget.value })}
        />
      </Field>
      <Field label={t('eidApps.titleEn')}>
        <input
          name="titleEn"
          maxLength={80}
          value={draft.titleEn}
          onInput={(e) => set({ titleEn: e.currentTarget.value })}
        />
      </Field>
      <Field label={t('eidApps.purposeDe')}>
        <textarea
          name="purposeDe"
          required
          maxLength={200}
          rows={2}
          aria-describedby={`${heading}-purpose-hint`}
          value={draft.purposeDe}
          onInput={(e) => set({ purposeDe: e.currentTarget.value })}
        />
      </Field>
      <Field label={t('eidApps.purposeEn')}>
        <textarea
          name="purposeEn"
          maxLength={200}
          rows={2}
          aria-describedby={`${heading}-purpose-hint`}
          value={draft.purposeEn}
          onInput={(e) => set({ purposeEn: e.currentTarget.value })}
        />
      </Field>
      <p class="hint" id={`${heading}-purpose-hint`}>
        {t('eidApps.purposeHint')}
      </p>
      {draft.kind === 'form' && (
        <>
          <fieldset class="group">
            <legend>{t('eidApps.cardData')}</legend>
            <div class="days">
              {formCardData.map((item) => (
                <label key={item}>
                  <input
                    type="checkbox"
                    name="cardData"
                    value={item}
                    checked={draft.cardData.includes(item)}
                    onChange={(e) => toggleCardData(item, e.currentTarget.checked)}
                  />{' '}
                  {t(`eidApps.data.${item}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <FieldsEditor fields={draft.fields} onChange={(fields) => set({ fields })} />
          <fieldset class="group">
            <legend>{t('eidApps.output')}</legend>
            {outputs.map((output) => (
              <label class="check" key={output}>
                <input
                  type="radio"
                  name="output"
                  value={output}
                  checked={draft.output === output}
                  onChange={() => set({ output })}
                />{' '}
                <strong>{t(`eidApps.output.${output}`)}</strong> –{' '}
                {t(`eidApps.output.${output}Hint`)}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {draft.kind === 'age' && (
        <MinimumAgeField
          label={t('eidApps.minimumAge')}
          value={draft.minimumAge}
          onInput={(minimumAge) => set({ minimumAge })}
        />
      )}
      <RequestedData draft={draft} />
      <Notice notice={notice} />
      <FormActions
        editing={!!app}
        createLabel={t('eidApps.create')}
        cancelLabel={t('eidApps.cancel')}
        onClose={onClose}
      />
    </form>
  );
}

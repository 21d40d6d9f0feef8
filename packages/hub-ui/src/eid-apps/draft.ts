import {
  eidAppOperations,
  type EidApp,
  type EidAppInput,
  type EidAppKind,
  type FormCardData,
  type FormField,
  type FormOutput,
} from '@sidbox/protocol';

/** A form field as the editor holds it: the id stays once given, new ones get it on save. */
export interface FieldDraft {
  id: string | undefined;
  labelDe: string;
  labelEn: string;
  type: FormField['type'];
  required: boolean;
}

/** The create/edit form's state: plain strings as the inputs hold them. */
export interface AppDraft {
  id: string;
  kind: EidAppKind;
  titleDe: string;
  titleEn: string;
  purposeDe: string;
  purposeEn: string;
  cardData: FormCardData[];
  fields: FieldDraft[];
  output: FormOutput;
  minimumAge: string;
}

export const emptyDraft = (): AppDraft => ({
  id: '',
  kind: 'form',
  titleDe: '',
  titleEn: '',
  purposeDe: '',
  purposeEn: '',
  cardData: ['givenNames', 'familyNames'],
  fields: [],
  output: 'print',
  minimumAge: '18',
});

export const emptyField = (): FieldDraft => ({
  id: undefined,
  labelDe: '',
  labelEn: '',
  type: 'text',
  required: false,
});

/** The form's state for changing an existing app. */
export function draftOfApp(app: EidApp): AppDraft {
  const draft: AppDraft = {
    ...emptyDraft(),
    id: app.id,
    kind: app.settings.kind,
    titleDe: app.title['de'] ?? '',
    titleEn: app.title['en'] ?? '',
    purposeDe: app.purpose['de'] ?? '',
    purposeEn: app.purpose['en'] ?? '',
  };
  const { settings } = app;
  if (settings.kind === 'form')
    return {
      ...draft,
      cardData: [...settings.cardData],
      output: settings.output,
      fields: settings.fields.map((field) => ({
        id: field.id,
        labelDe: field.label['de'] ?? '',
        labelEn: field.label['en'] ?? '',
        type: field.type,
        required: field.required,
      })),
    };
  if (settings.kind === 'age') return { ...draft, minimumAge: String(settings.minimumAge) };
  return draft;
}

/** German first, English when given: what LocalizedText expects. */
const localized = (de: string, en: string): Record<string, string> => ({
  de: de.trim(),
  ...(en.trim() && { en: en.trim() }),
});

/** A stable field id from its German label ("Kfz-Kennzeichen" → "kfz-kennzeichen"), unique. */
export function fieldIdOf(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'feld';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function fieldsOf(drafts: readonly FieldDraft[]): FormField[] {
  const taken = new Set(drafts.flatMap((field) => (field.id ? [field.id] : [])));
  return drafts.map((field) => {
    let id = field.id;
    if (!id) {
      id = fieldIdOf(field.labelDe, taken);
      taken.add(id);
    }
    return {
      id,
      label: localized(field.labelDe, field.labelEn),
      type: field.type,
      required: field.required,
    };
  });
}

function settingsOf(draft: AppDraft): EidAppInput['settings'] {
  switch (draft.kind) {
    case 'form':
      return {
        kind: 'form',
        cardData: draft.cardData,
        fields: fieldsOf(draft.fields),
        output: draft.output,
      };
    case 'access':
      return { kind: 'access' };
    case 'age':
      return { kind: 'age', minimumAge: Number(draft.minimumAge) };
  }
}

/** What the admin API takes; the server validates it (the inputs' limits only help). */
export function inputOfDraft(draft: AppDraft): EidAppInput {
  return {
    id: draft.id.trim(),
    title: localized(draft.titleDe, draft.titleEn),
    purpose: localized(draft.purposeDe, draft.purposeEn),
    settings: settingsOf(draft),
  };
}

/** The card data the app will ask for, in the order the protocol derives it. */
export function requestedData(draft: AppDraft): string[] {
  return Object.keys(eidAppOperations(settingsOf(draft)));
}

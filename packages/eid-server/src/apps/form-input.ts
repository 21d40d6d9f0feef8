import type { FormField } from '@sidbox/protocol';

/** Why a value a citizen typed cannot go on the form, as the text key that says so. */
export type FieldProblem =
  'fieldRequired' | 'fieldEmail' | 'fieldNumber' | 'fieldDate' | 'fieldTooLong';

/** The longest value per field type: enough for a form, small enough for memory and paper. */
export const maxLength: Record<FormField['type'], number> = {
  text: 200,
  textarea: 2000,
  email: 254,
  number: 30,
  date: 10,
};

const formats: Partial<Record<FormField['type'], [RegExp, FieldProblem]>> = {
  email: [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'fieldEmail'],
  number: [/^-?\d+(?:[.,]\d+)?$/, 'fieldNumber'],
  date: [/^\d{4}-\d{2}-\d{2}$/, 'fieldDate'],
};

function isCalendarDay(value: string): boolean {
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(value);
}

function problemOf(field: FormField, value: string): FieldProblem | undefined {
  if (value === '') return field.required ? 'fieldRequired' : undefined;
  if (value.length > maxLength[field.type]) return 'fieldTooLong';
  const format = formats[field.type];
  if (format !== undefined && !format[0].test(value)) return format[1];
  if (field.type === 'date' && !isCalendarDay(value)) return 'fieldDate';
  return undefined;
}

export interface FormInput {
  /** The member's fields' values, trimmed; a field the body lacks is empty. */
  values: Record<string, string>;
  /** Per field id, what is wrong; empty when the form may go on. */
  problems: Record<string, FieldProblem>;
}

/** The values of the member's fields from a posted form; anything else the body holds is ignored. */
export function readFormInput(fields: readonly FormField[], body: unknown): FormInput {
  const posted = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const raw = posted[field.id];
    const value = (typeof raw === 'string' ? raw : '').replace(/\r\n?/g, '\n').trim();
    values[field.id] = field.type === 'textarea' ? value : value.replace(/\s+/g, ' ');
    const problem = problemOf(field, values[field.id] ?? '');
    if (problem !== undefined) problems[field.id] = problem;
  }
  return { values, problems };
}

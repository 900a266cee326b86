/* Form values, as AddValidateUpdateItemUsingPath and ValidateUpdateListItem take and answer them: a value
 * (always text) for a column or a person, parsed as SharePoint's validation does, and the answer per value.
 * Who wrote a row is a reading of undocumented behaviour (variants.ts): `author-settable`. */
import type { ColumnDef } from '../../lists/columns';
import type { ListDoc } from '../../lists/lists';
import { argumentError } from '../odataJson';
import { ensureUser } from '../principals';
import type { RestContext } from './context';

export interface FormValue {
  FieldName?: unknown;
  FieldValue?: unknown;
}

/** A form value (always text) parsed for its column as SharePoint's validation does; a message when bad. */
export function parseFormValue(col: ColumnDef, text: string): { value?: unknown; error?: string } {
  if (text === '') return { value: null };
  if (col.text) {
    const max = col.text.allowMultipleLines ? 63999 : (col.text.maxLength ?? 255);
    if (text.length > max)
      return { error: `The value for field ${col.name} is too long. The maximum length is ${max}.` };
    return { value: text };
  }
  if (col.number) {
    if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return { error: 'Only numbers can go here.' };
    return { value: Number(text) };
  }
  if (col.boolean) {
    const t = text.trim().toLowerCase();
    if (['1', 'yes', 'true'].includes(t)) return { value: true };
    if (['0', 'no', 'false'].includes(t)) return { value: false };
    return { error: 'The value is not a valid Yes/No value.' };
  }
  if (col.choice) {
    if (!col.choice.choices.includes(text) && !col.choice.allowTextEntry)
      return { error: `The value '${text}' is not one of the choices of the field ${col.name}.` };
    return { value: text };
  }
  if (col.dateTime) {
    const d = new Date(text);
    if (Number.isNaN(d.getTime()))
      return { error: 'You must specify a valid date within the range of 1/1/1900 and 12/31/8900.' };
    return { value: d.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }
  return { value: text };
}

/** A form value for the list's column `name` (unknown column → SharePoint's 400). */
export function columnFormValue(list: ListDoc, name: string, text: string) {
  const col = list.columns.find((c) => c.name === name);
  if (!col) throw argumentError(`Column '${name}' does not exist. It may have been deleted by another user.`);
  return parseFormValue(col, text);
}

/** A form value's field name and its text ("" for none). */
export const formField = (fv: FormValue) => ({
  name: String(fv.FieldName ?? ''),
  text: fv.FieldValue === null || fv.FieldValue === undefined ? '' : String(fv.FieldValue),
});

/** Form values that name a person rather than a column: who created (Author) or last changed (Editor) it. */
export const PERSON_FIELDS = ['Author', 'Editor'] as const;
export const isPersonField = (name: string) => (PERSON_FIELDS as readonly string[]).includes(name);

/**
 * An Author/Editor form value (`[{"Key":"i:0#.f|membership|upn"}]`, or a login or UPN): the person's UPN,
 * or the field's error. SharePoint assigns both; only under `author-settable` may a writer choose them.
 */
export function personValue(rc: RestContext, name: string, text: string): { upn?: string; error?: string } {
  if (!rc.ctx.variants?.has('author-settable'))
    return { error: `Access denied. You do not have permission to set the field ${name}.` };
  let key = text.trim();
  try {
    const parsed = JSON.parse(text) as unknown;
    if (Array.isArray(parsed)) key = String((parsed[0] as { Key?: unknown } | undefined)?.Key ?? '');
  } catch {
    /* a plain login or UPN */
  }
  const p = ensureUser(rc.db, rc.siteId, key);
  if (!p?.upn) return { error: 'The user does not exist or is not unique.' };
  return { upn: p.upn.toLowerCase() };
}

/** SP.ListItemFormUpdateValue for each value: its own error, or the unique value it clashes on, or none. */
export function formAnswer(
  results: Array<{ name: string; text: string; error?: string }>,
  clash: string | undefined,
  itemId: number,
) {
  return results.map((r) => {
    const error = r.error ?? (r.name === clash ? 'This value already exists in the list.' : undefined);
    return {
      ErrorCode: error ? -2146233088 : 0,
      ErrorMessage: error ?? null,
      FieldName: r.name,
      FieldValue: r.text,
      HasException: !!error,
      ItemId: itemId,
    };
  });
}

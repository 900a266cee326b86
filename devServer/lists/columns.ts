import { randomUUID } from 'node:crypto';
import { badRequest } from '../errors';
import type { ListDoc } from './lists';

/*
 * Columns: what a column is (SharePoint's types, indexing, unique values), how one is made from Graph's
 * columnDefinition, and the rules SharePoint keeps on every value written to one.
 */

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  indexed: boolean;
  /** SharePoint refuses a second item with the same value (the column must be indexed). */
  enforceUniqueValues?: boolean;
  readOnly?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  number?: Record<string, unknown>;
  boolean?: Record<string, unknown>;
  dateTime?: Record<string, unknown>;
  choice?: { choices: string[]; allowTextEntry?: boolean };
  personOrGroup?: Record<string, unknown>;
}

/** The column every list has. */
export const BUILTIN: ColumnDef[] = [
  {
    id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
    name: 'Title',
    displayName: 'Title',
    indexed: false,
    text: { allowMultipleLines: false, maxLength: 255 },
  },
];
const TEXT_MAX = 63999;

/** A column's value in a row, as SQL (for its expression index and the unique check). */
export const uniqueValue = (col: ColumnDef) => `json_extract(fields, '$.${col.name}')`;

export function columnFromInput(input: Record<string, unknown>): ColumnDef {
  const name = String(input.name ?? input.displayName ?? '');
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) throw badRequest(`Invalid column name '${name}'.`);
  const col: ColumnDef = {
    id: randomUUID(),
    name,
    displayName: String(input.displayName ?? name),
    indexed: !!input.indexed,
  };
  const kinds = ['text', 'number', 'boolean', 'dateTime', 'choice', 'personOrGroup'] as const;
  const kind = kinds.find((k) => input[k] !== undefined) ?? 'text';
  if (kind === 'text')
    col.text = { allowMultipleLines: false, maxLength: 255, ...((input.text as object) ?? {}) };
  else if (kind === 'choice') {
    const choices = (input.choice as { choices?: unknown })?.choices;
    if (!Array.isArray(choices) || !choices.length) throw badRequest('A choice column needs choices.');
    col.choice = {
      choices: choices.map(String),
      allowTextEntry: !!(input.choice as { allowTextEntry?: boolean }).allowTextEntry,
    };
  } else col[kind] = (input[kind] as Record<string, unknown>) ?? {};
  if (col.indexed && col.text?.allowMultipleLines)
    throw badRequest('Multiple lines of text columns cannot be indexed.');
  if (input.enforceUniqueValues) {
    if (!col.indexed) throw badRequest('A column that enforces unique values must be indexed.');
    col.enforceUniqueValues = true;
  }
  return col;
}

/** Field values coerced to their column's type; bad values refused as SharePoint would. */
export function coerceFields(list: ListDoc, input: unknown, partial: boolean): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw badRequest('The request body must be an object of field values.');
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (name.startsWith('@odata')) continue;
    const col = list.columns.find((c) => c.name === name);
    if (!col) throw badRequest(`Field '${name}' is not recognized`, 'invalidRequest');
    if (value === null || value === '') {
      out[name] = col.text || col.choice ? (value ?? null) : null;
      continue;
    }
    if (col.text) {
      const s = String(value);
      const max = col.text.allowMultipleLines ? TEXT_MAX : (col.text.maxLength ?? 255);
      if (s.length > max)
        throw badRequest(
          `The value of field '${name}' is ${s.length} characters; the column allows ${max}.`,
          'invalidRequest',
        );
      out[name] = s;
    } else if (col.number) {
      const n = Number(value);
      if (!Number.isFinite(n)) throw badRequest(`Field '${name}' needs a number.`);
      out[name] = n;
    } else if (col.boolean) {
      if (typeof value !== 'boolean') throw badRequest(`Field '${name}' needs true or false.`);
      out[name] = value;
    } else if (col.dateTime) {
      const d = new Date(String(value));
      if (Number.isNaN(d.getTime())) throw badRequest(`Field '${name}' needs a date and time.`);
      out[name] = d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    } else if (col.choice) {
      if (!col.choice.choices.includes(String(value)) && !col.choice.allowTextEntry)
        throw badRequest(`'${String(value)}' is not a choice of field '${name}'.`);
      out[name] = String(value);
    } else out[name] = String(value);
  }
  if (!partial && Object.keys(out).length === 0) throw badRequest('fields must hold at least one value.');
  return out;
}

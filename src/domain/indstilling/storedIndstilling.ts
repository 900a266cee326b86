import type { ImportedIndstilling } from '../history/importedMeeting';
import {
  emptyIndstilling,
  RECIPIENTS,
  SECTION_KEYS,
  validateIndstilling,
  type CaseWorker,
  type Indstilling,
  type Recipient,
} from './indstilling';

/**
 * An indstilling as its item's row keeps it (JSON in a multi-line column). Anyone who may edit the row can
 * put anything there, so what is read is taken apart field by field: a value of the wrong type, an unknown
 * recipient, a text longer than SharePoint's column or a bad e-mail makes the whole indstilling
 * unreadable (the item shows none and the organizer is told), never a crash and never half of it.
 * A missing title or points (an imported paper with sections only) is still an indstilling.
 */

export type StoredIndstilling = { indstilling: Indstilling } | { unreadable: true };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The indstilling in its canonical shape (fixed key order): what is written and what is read compare equal. */
export function normalIndstilling(x: Indstilling): { indstilling: Indstilling; fatal: boolean } {
  const { indstilling, issues } = validateIndstilling({
    recipient: x.recipient,
    date: x.date,
    minutes: x.minutes,
    closed: x.closed,
    title: x.title,
    points: x.points,
    sections: x.sections,
    bilag: x.bilag,
    caseWorker: x.caseWorker,
  });
  return { indstilling, fatal: issues.some((i) => i.code !== 'required') };
}

/** Reads the column's value: null when empty, unreadable when malformed or hostile. */
export function readStoredIndstilling(value: unknown): StoredIndstilling | null {
  if (value === undefined || value === null || value === '') return null;
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return { unreadable: true };
    }
  }
  if (parsed === null) return null;
  const x = shapeOf(parsed);
  if (!x) return { unreadable: true };
  const { indstilling, fatal } = normalIndstilling(x);
  return fatal ? { unreadable: true } : { indstilling };
}

function shapeOf(v: unknown): Indstilling | null {
  if (!isRecord(v)) return null;
  const { recipient, date, minutes, closed, title, points, sections, bilag, caseWorker } = v;
  if (recipient !== null && recipient !== undefined && !RECIPIENTS.includes(recipient as Recipient))
    return null;
  if (date !== null && date !== undefined && typeof date !== 'string') return null;
  if (minutes !== null && minutes !== undefined && typeof minutes !== 'number') return null;
  if (closed !== undefined && typeof closed !== 'boolean') return null;
  if (typeof title !== 'string' || !isStrings(points)) return null;
  if (sections !== undefined && !isRecord(sections)) return null;
  const known: Indstilling['sections'] = {};
  for (const [key, text] of Object.entries(sections ?? {})) {
    if (!(SECTION_KEYS as readonly string[]).includes(key) || typeof text !== 'string') return null;
    known[key as keyof Indstilling['sections']] = text;
  }
  if (bilag !== undefined && !isStrings(bilag)) return null;
  let worker: CaseWorker | null = null;
  if (caseWorker !== null && caseWorker !== undefined) {
    if (!isRecord(caseWorker)) return null;
    worker = {};
    for (const key of ['department', 'name', 'phone', 'email', 'date'] as const) {
      const field = caseWorker[key];
      if (field === undefined) continue;
      if (typeof field !== 'string') return null;
      worker[key] = field;
    }
  }
  return {
    ...emptyIndstilling(),
    recipient: (recipient as Recipient | null | undefined) ?? null,
    date: (date as string | null | undefined) ?? null,
    minutes: (minutes as number | null | undefined) ?? null,
    closed: closed === true,
    title,
    points,
    sections: known,
    bilag: bilag ?? [],
    caseWorker: worker,
  };
}

/** An imported indstilling (the history importer's) as the item's: sections outside the template are kept in the nearest one. */
export function indstillingOfImported(
  x: ImportedIndstilling,
  item: { closed: boolean; date: string | null; minutes: number | null },
): Indstilling | null {
  const sections: Indstilling['sections'] = {};
  for (const [key, text] of Object.entries(x.sections)) {
    const known = (SECTION_KEYS as readonly string[]).includes(key)
      ? (key as keyof Indstilling['sections'])
      : 'sagsfremstilling';
    sections[known] = sections[known] ? `${sections[known]}\n\n${text}` : text;
  }
  const imported: Indstilling = {
    ...emptyIndstilling(),
    closed: item.closed,
    date: item.date,
    minutes: item.minutes,
    title: x.title,
    points: x.points,
    sections,
    bilag: x.bilag,
    caseWorker: x.caseWorker ?? null,
  };
  // An OCR-damaged footer (an e-mail without its "@") costs the footer, not the paper.
  let read = normalIndstilling(imported);
  if (read.fatal) read = normalIndstilling({ ...imported, caseWorker: null });
  return read.fatal ? null : read.indstilling;
}

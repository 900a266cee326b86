/** Reading and writing a SharePoint list item's `fields`: the values anyone with edit rights may have typed. */

/** A SharePoint list item's `fields` as Graph returns and takes them. */
export type Fields = Record<string, unknown>;

export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
export const opt = (v: unknown): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v);
export const num = (v: unknown, fallback = 0): number =>
  v === null || v === undefined || v === '' ? fallback : Number(v);
export const json = <T>(v: unknown, fallback: T): T => {
  if (typeof v !== 'string' || !v) return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
};

export function isoOf(v: unknown): string {
  const s = str(v);
  if (!s) return '';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
}

import { badQuery } from '../odataJson';

// ---------------------------------------------------------------------------------------------------------
// URL parsing: segments "name" or "name(args)", args positional or named, quoted or not, @aliases.

export interface Segment {
  name: string;
  args?: string;
}

export function splitSegments(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    let name = '';
    while (i < path.length && path[i] !== '/' && path[i] !== '(') name += path[i++];
    let args: string | undefined;
    if (path[i] === '(') {
      i++;
      let depth = 1;
      let inQuote = false;
      args = '';
      while (i < path.length) {
        const c = path[i];
        if (inQuote) {
          if (c === "'" && path[i + 1] === "'") {
            args += "''";
            i += 2;
            continue;
          }
          if (c === "'") inQuote = false;
        } else if (c === "'") inQuote = true;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
        args += c;
        i++;
      }
      if (path[i] !== ')') throw badQuery(`The expression "${path}" is not valid.`);
      i++;
    }
    if (name || args !== undefined) out.push({ name: name.trim().toLowerCase(), args });
    if (path[i] === '/') i++;
    else if (i < path.length && path[i] !== '/') throw badQuery(`The expression "${path}" is not valid.`);
  }
  return out;
}

export type Value = string | number | boolean | null;

export function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === "'") {
      if (inQuote && args[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQuote = !inQuote;
    }
    if (c === ',' && !inQuote) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim() || parts.length) parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export class Args {
  positional: Value[] = [];
  named = new Map<string, Value>();

  constructor(raw: string | undefined, aliases: Record<string, string>) {
    for (const part of splitArgs(raw ?? '')) {
      const m = /^([A-Za-z_][\w]*)\s*=\s*([\s\S]*)$/.exec(part);
      if (m) this.named.set(m[1].toLowerCase(), literal(m[2], aliases));
      else this.positional.push(literal(part, aliases));
    }
  }

  get(name: string, index = 0): Value | undefined {
    return this.named.has(name) ? this.named.get(name) : this.positional[index];
  }
}

export function literal(text: string, aliases: Record<string, string>): Value {
  const t = text.trim();
  if (t.startsWith('@')) {
    const v = aliases[t.toLowerCase()];
    if (v === undefined) throw badQuery(`The parameter alias '${t}' has no value.`);
    return literal(v, {});
  }
  let m = /^guid'([^']*)'$/i.exec(t);
  if (m) return m[1];
  m = /^'((?:[^']|'')*)'$/.exec(t);
  if (m) return m[1].replace(/''/g, "'");
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (/^null$/i.test(t)) return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

export const asInt = (v: Value | undefined, what: string): number => {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) throw badQuery(`The parameter ${what} is not a valid number.`);
  return n;
};
export const asBool = (v: Value | undefined): boolean =>
  v === true || (typeof v === 'string' && v.toLowerCase() === 'true');

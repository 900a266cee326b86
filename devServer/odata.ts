import { badRequest } from './errors';

/** A small OData $filter parser and evaluator: eq ne gt ge lt le, and/or/not, parentheses, startswith. */
export type Filter =
  | { op: 'and' | 'or'; left: Filter; right: Filter }
  | { op: 'not'; operand: Filter }
  | { op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; path: string; value: Literal }
  | { op: 'startswith'; path: string; value: string };

type Literal = string | number | boolean | null;

/**
 * The most nodes a filter may have (a comparison is three: property, operator, value; each and/or/not one),
 * as OData's default MaxNodeCount: a filter of 5,000 terms is refused before it is evaluated for every row.
 */
export const MAX_FILTER_NODES = 100;
const tooManyNodes = () =>
  badRequest(
    `The query specified in the URI is not valid. The node count limit of '${MAX_FILTER_NODES}' has been exceeded.`,
    'BadRequest',
  );

const TOKEN = /\s*(\(|\)|,|'(?:[^']|'')*'|[A-Za-z_][\w/.@-]*|-?\d+(?:\.\d+)?(?:[-T:\d.Z+]*)?)/y;

function tokenize(input: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < input.length) {
    if (/^\s*$/.test(input.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(input);
    if (!m) throw badRequest(`Invalid filter clause near '${input.slice(at, at + 20)}'.`, 'BadRequest');
    tokens.push(m[1]);
    // No filter within the node limit has more tokens than this (a comparison is at most six with brackets).
    if (tokens.length > MAX_FILTER_NODES * 3) throw tooManyNodes();
    at = TOKEN.lastIndex;
  }
  return tokens;
}

export function parseFilter(input: string): Filter {
  const tokens = tokenize(input);
  let i = 0;
  let nodes = 0;
  const count = (n: number) => {
    nodes += n;
    if (nodes > MAX_FILTER_NODES) throw tooManyNodes();
  };
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expect = (t: string) => {
    if (next()?.toLowerCase() !== t)
      throw badRequest(`Invalid filter clause: expected '${t}'.`, 'BadRequest');
  };
  const literal = (t: string | undefined): Literal => {
    if (t === undefined) throw badRequest('Invalid filter clause: missing value.', 'BadRequest');
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    if (/^\d{4}-\d{2}-\d{2}/.test(t)) return t;
    throw badRequest(`Invalid filter value '${t}'.`, 'BadRequest');
  };
  const primary = (): Filter => {
    const t = next();
    if (t === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (t?.toLowerCase() === 'not') {
      count(1);
      return { op: 'not', operand: primary() };
    }
    if (t?.toLowerCase() === 'startswith') {
      count(3);
      expect('(');
      const path = next();
      expect(',');
      const value = literal(next());
      expect(')');
      return { op: 'startswith', path, value: String(value) };
    }
    const op = next()?.toLowerCase();
    if (!t || !op || !['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op)) {
      throw badRequest(`Invalid filter clause near '${t ?? ''}'.`, 'BadRequest');
    }
    count(3);
    const comparison: Filter = { op: op as 'eq', path: t, value: literal(next()) };
    return comparison;
  };
  const and = (): Filter => {
    let left = primary();
    while (peek()?.toLowerCase() === 'and') {
      next();
      count(1);
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Filter => {
    let left = and();
    while (peek()?.toLowerCase() === 'or') {
      next();
      count(1);
      left = { op: 'or', left, right: and() };
    }
    return left;
  };
  const result = or();
  if (i !== tokens.length) throw badRequest(`Invalid filter clause near '${tokens[i]}'.`, 'BadRequest');
  return result;
}

export function filterPaths(f: Filter): string[] {
  if (f.op === 'and' || f.op === 'or') return [...filterPaths(f.left), ...filterPaths(f.right)];
  if (f.op === 'not') return filterPaths(f.operand);
  return 'path' in f ? [f.path] : [];
}

function compare(a: unknown, b: Literal): number {
  if (a === null || a === undefined || b === null) return a === b || (a ?? null) === b ? 0 : NaN;
  if (typeof b === 'number') return Number(a) - b;
  if (typeof b === 'boolean') return Number(Boolean(a)) - Number(b);
  const as = String(a);
  if (/^\d{4}-\d{2}-\d{2}T/.test(as) && /^\d{4}-\d{2}-\d{2}/.test(b))
    return Date.parse(norm(as)) - Date.parse(norm(b));
  return as < b ? -1 : as > b ? 1 : 0;
}
const norm = (s: string) => (/(Z|[+-]\d\d:\d\d)$/.test(s) ? s : `${s.replace(/(\.\d{3})\d*$/, '$1')}Z`);

export function evaluate(f: Filter, get: (path: string) => unknown): boolean {
  switch (f.op) {
    case 'and':
      return evaluate(f.left, get) && evaluate(f.right, get);
    case 'or':
      return evaluate(f.left, get) || evaluate(f.right, get);
    case 'not':
      return !evaluate(f.operand, get);
    case 'startswith':
      return String(get(f.path) ?? '')
        .toLowerCase()
        .startsWith(f.value.toLowerCase());
    default: {
      const c = compare(get(f.path), f.value);
      if (Number.isNaN(c)) return f.op === 'ne';
      return { eq: c === 0, ne: c !== 0, gt: c > 0, ge: c >= 0, lt: c < 0, le: c <= 0 }[f.op];
    }
  }
}

/** "$orderby=start/dateTime desc,subject" → a comparator. */
export function orderBy<T>(
  spec: string | undefined,
  get: (row: T, path: string) => unknown,
): ((a: T, b: T) => number) | null {
  if (!spec) return null;
  const keys = spec.split(',').map((s) => {
    const [path, dir] = s.trim().split(/\s+/);
    return { path, desc: dir?.toLowerCase() === 'desc' };
  });
  return (a, b) => {
    for (const k of keys) {
      const x = get(a, k.path);
      const y = get(b, k.path);
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x ?? '').localeCompare(String(y ?? ''));
      if (c) return k.desc ? -c : c;
    }
    return 0;
  };
}

/** Read a/b/c out of an object. */
export function pathGet(obj: unknown, path: string): unknown {
  return path
    .split('/')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );
}

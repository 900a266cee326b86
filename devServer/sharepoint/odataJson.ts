/**
 * SharePoint REST's JSON formats, chosen by the Accept header:
 * - `application/json;odata=nometadata`: plain objects, collections as `{"value": [...]}`;
 * - `application/json` or `;odata=minimalmetadata`: the same plus `odata.metadata` / `odata.type` / `odata.id`
 *   / `odata.editLink`;
 * - `application/json;odata=verbose`: `{"d": {..., "__metadata": {...}}}`, collections `{"d": {"results": [...]}}`.
 * Errors: `{"odata.error": {code, message: {lang, value}}}` (verbose: `{"error": {...}}`).
 */
export type ODataFormat = 'nometadata' | 'minimal' | 'verbose';

export function formatOf(accept: string | undefined): ODataFormat {
  const a = (accept ?? '').toLowerCase();
  if (a.includes('odata=verbose')) return 'verbose';
  if (a.includes('odata=nometadata')) return 'nometadata';
  return 'minimal';
}

export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const spErrorBody = (format: ODataFormat, code: string, message: string) => {
  const error = { code, message: { lang: 'en-US', value: message } };
  return format === 'verbose' ? { error } : { 'odata.error': error };
};

// The errors SharePoint answers most often, with its codes.
export const accessDenied = () =>
  new SpError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied.');
export const argumentError = (message: string, status = 400) =>
  new SpError(status, '-1, System.ArgumentException', message);
export const spException = (message: string, status = 400) =>
  new SpError(status, '-2146232832, Microsoft.SharePoint.SPException', message);
export const itemMissing = () =>
  new SpError(404, '-2147024809, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
export const fileNotFound = () => new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
export const badQuery = (message: string) =>
  new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);

/** An entity to render: its SP type, its address (absolute) and its properties; expanded navigation
 * properties are nested entities or arrays of them. */
export interface Entity {
  type: string;
  uri: string;
  data: Record<string, unknown>;
  etag?: string;
}

export const isEntity = (v: unknown): v is Entity =>
  !!v && typeof v === 'object' && 'type' in v && 'uri' in v && 'data' in v;

export class Renderer {
  constructor(
    readonly format: ODataFormat,
    /** Absolute URL of the web, e.g. http://localhost:4000/sites/moeder */
    readonly webUrl: string,
  ) {}

  private metadata(fragment: string) {
    return `${this.webUrl}/_api/$metadata#${fragment}`;
  }

  private body(e: Entity): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.format === 'verbose')
      out.__metadata = { id: e.uri, uri: e.uri, ...(e.etag ? { etag: e.etag } : {}), type: e.type };
    else if (this.format === 'minimal') {
      out['odata.type'] = e.type;
      out['odata.id'] = e.uri;
      if (e.etag) out['odata.etag'] = e.etag;
      out['odata.editLink'] = e.uri.replace(`${this.webUrl}/_api/`, '');
    }
    for (const [k, v] of Object.entries(e.data)) {
      if (isEntity(v)) out[k] = this.body(v);
      else if (Array.isArray(v) && v.every(isEntity))
        out[k] = this.format === 'verbose' ? { results: v.map((x) => this.body(x)) } : v.map((x) => this.body(x));
      else out[k] = v;
    }
    return out;
  }

  entity(e: Entity, setName?: string): unknown {
    if (this.format === 'verbose') return { d: this.body(e) };
    const body = this.body(e);
    return this.format === 'minimal'
      ? { 'odata.metadata': this.metadata(`${setName ?? e.type}/@Element`), ...body }
      : body;
  }

  collection(entities: Entity[], setName: string, nextLink?: string): unknown {
    const results = entities.map((e) => this.body(e));
    if (this.format === 'verbose') return { d: { results, ...(nextLink ? { __next: nextLink } : {}) } };
    return {
      ...(this.format === 'minimal' ? { 'odata.metadata': this.metadata(setName) } : {}),
      value: results,
      ...(nextLink ? { 'odata.nextLink': nextLink } : {}),
    };
  }

  /** A primitive property or method result, e.g. HasUniqueRoleAssignments → {"value": true}. */
  primitive(name: string, value: unknown, edmType = 'Edm.String'): unknown {
    if (this.format === 'verbose') return { d: { [name]: value } };
    return {
      ...(this.format === 'minimal' ? { 'odata.metadata': this.metadata(edmType) } : {}),
      ...(value === null ? { 'odata.null': true } : { value }),
    };
  }

  /** A complex value such as SP.BasePermissions: flat in (no|minimal)metadata, under its name in verbose. */
  complex(name: string, type: string, value: Record<string, unknown>): unknown {
    if (this.format === 'verbose') return { d: { [name]: { __metadata: { type }, ...value } } };
    return { ...(this.format === 'minimal' ? { 'odata.metadata': this.metadata(type) } : {}), ...value };
  }

  /** A collection of complex values (e.g. AddValidateUpdateItemUsingPath's results). */
  complexCollection(name: string, type: string, values: Array<Record<string, unknown>>): unknown {
    if (this.format === 'verbose')
      return { d: { [name]: { __metadata: { type: `Collection(${type})` }, results: values } } };
    return {
      ...(this.format === 'minimal' ? { 'odata.metadata': this.metadata(`Collection(${type})`) } : {}),
      value: values,
    };
  }

  /** A void method's answer. */
  none(name: string): unknown {
    return this.format === 'verbose' ? { d: { [name]: null } } : { 'odata.null': true };
  }
}

/** A person in the tenant, identified by user principal name (UPN). */
export interface Person {
  upn: string;
  name: string;
}

/** A guest on an agenda item: a tenant user (with upn) or an external name. */
export interface Guest {
  name: string;
  upn?: string;
}

export const sameUpn = (a: string | undefined, b: string | undefined): boolean =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

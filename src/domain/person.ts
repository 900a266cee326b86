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

/** A name that is no name: empty, or an address where a person's name belongs (a row written without one). */
const noName = (name: string | undefined): boolean => !name?.trim() || name.includes('@');

/**
 * How a person is shown: by name. Where a row carries only the address (`poul@kommune.example`), the name
 * of the same person among those the meeting knows (its invitation, the committee's members); the address
 * only when nobody knows them.
 */
export function nameOf(upn: string, name: string | undefined, known: readonly Person[]): string {
  if (!noName(name)) return name!.trim();
  const other = known.find((k) => sameUpn(k.upn, upn) && !noName(k.name));
  return other ? other.name.trim() : name?.trim() || upn;
}

/** The person with the name they are shown by (see `nameOf`). */
export const named = <P extends Person>(p: P, known: readonly Person[]): P => {
  const name = nameOf(p.upn, p.name, known);
  return name === p.name ? p : { ...p, name };
};

/**
 * Readings of SharePoint behaviour that Microsoft does not document and nobody here has observed on a
 * tenant. The server's default is the reading it takes as most likely; each variant switches one to the
 * other plausible reading (devServer/README.md, "Variants", says why each is plausible and where from).
 * Every variant here gives an attacker at least as much as the default does, except `itemid-zero`, which
 * changes only the shape of an answer (so `all` also proves the clients read it right).
 */
export const SP_VARIANTS = {
  'author-settable':
    'a user who may add or edit a row sets Author/Editor (Created By/Modified By) through form values',
  'bypass-at-list':
    'Override List Behaviors held on the list (not only on the row) exempts from ReadSecurity/WriteSecurity',
  'itemid-zero': 'AddValidateUpdateItemUsingPath answers ItemId 0 in every entry; the new id only in "Id"',
  'members-visible': 'a group created through REST lets everyone view its members unless told otherwise',
  'limited-access-browse':
    "a folder's ItemCount counts every row in it, also those the caller (with Limited Access) may not view",
  'rename-allowed':
    'Edit/Contribute may rename a folder or row (FileLeafRef) through MERGE or ValidateUpdateListItem',
} as const;

export type SpVariant = keyof typeof SP_VARIANTS;
export type SpVariants = ReadonlySet<SpVariant>;

export const NO_VARIANTS: SpVariants = new Set();

export const isSpVariant = (name: string): name is SpVariant => Object.hasOwn(SP_VARIANTS, name);

/** `"all"`, or a comma-separated list of variant names (empty or missing → none); an unknown name throws. */
export function parseSpVariants(text: string | undefined): Set<SpVariant> {
  const names = (text ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('all')) return new Set(Object.keys(SP_VARIANTS) as SpVariant[]);
  const unknown = names.filter((n) => !isSpVariant(n));
  if (unknown.length)
    throw new Error(
      `Unknown --sp-variants ${unknown.join(', ')}; known: ${Object.keys(SP_VARIANTS).join(', ')}, all`,
    );
  return new Set(names as SpVariant[]);
}

/** One line per variant, for `--help`. */
export const spVariantsHelp = (): string =>
  Object.entries(SP_VARIANTS)
    .map(([name, text]) => `  ${name.padEnd(22)} ${text}`)
    .join('\n');

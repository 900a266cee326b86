/**
 * SharePoint Online's built-in permission levels (role definitions) and the SPBasePermissions bits.
 * A mask is a 64-bit value; REST renders it as `{ High, Low }`, two decimal strings of the upper and lower
 * 32 bits. PermissionKind N (PnPjs / CSOM numbering) is bit N-1.
 */
export const Perm = {
  ViewListItems: 1n,
  AddListItems: 2n,
  EditListItems: 4n,
  DeleteListItems: 8n,
  ApproveItems: 16n,
  OpenItems: 32n,
  ViewVersions: 64n,
  DeleteVersions: 128n,
  /** "Override List Behaviors" in the UI (exempt from ReadSecurity / WriteSecurity). */
  CancelCheckout: 256n,
  ManagePersonalViews: 512n,
  ManageLists: 2048n,
  ViewFormPages: 4096n,
  AnonymousSearchAccessList: 8192n,
  Open: 65536n,
  ViewPages: 131072n,
  AddAndCustomizePages: 262144n,
  ApplyThemeAndBorder: 524288n,
  ApplyStyleSheets: 1048576n,
  ViewUsageData: 2097152n,
  CreateSSCSite: 4194304n,
  ManageSubwebs: 8388608n,
  CreateGroups: 16777216n,
  ManagePermissions: 33554432n,
  BrowseDirectories: 67108864n,
  BrowseUserInfo: 134217728n,
  AddDelPrivateWebParts: 268435456n,
  UpdatePersonalWebParts: 536870912n,
  ManageWeb: 1073741824n,
  AnonymousSearchAccessWebLists: 1n << 31n,
  UseClientIntegration: 1n << 36n,
  UseRemoteAPIs: 1n << 37n,
  ManageAlerts: 1n << 38n,
  CreateAlerts: 1n << 39n,
  EditMyUserInfo: 1n << 40n,
  EnumeratePermissions: 1n << 62n,
} as const;

export type PermName = keyof typeof Perm;
export const FULL_MASK = (1n << 63n) - 1n; // High 2147483647, Low 4294967295
export const EMPTY_MASK = 0n;

export const has = (mask: bigint, p: bigint) => (mask & p) === p;

export interface RoleDefinition {
  Id: number;
  Name: string;
  Description: string;
  Hidden: boolean;
  Order: number;
  RoleTypeKind: number;
  mask: bigint;
}

const fromHighLow = (high: number, low: number) => (BigInt(high) << 32n) | BigInt(low);

/** The masks are those SharePoint Online returns for its default levels (see devServer/README.md). */
export const ROLE_DEFINITIONS: RoleDefinition[] = [
  {
    Id: 1073741829,
    Name: 'Full Control',
    Description: 'Has full control.',
    Hidden: false,
    Order: 1,
    RoleTypeKind: 5,
    mask: FULL_MASK,
  },
  {
    Id: 1073741828,
    Name: 'Design',
    Description: 'Can view, add, update, delete, approve, and customize.',
    Hidden: false,
    Order: 32,
    RoleTypeKind: 4,
    mask: fromHighLow(432, 1012866047),
  },
  {
    Id: 1073741830,
    Name: 'Edit',
    Description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
    Hidden: false,
    Order: 48,
    RoleTypeKind: 6,
    mask: fromHighLow(432, 1011030767),
  },
  {
    Id: 1073741827,
    Name: 'Contribute',
    Description: 'Can view, add, update, and delete list items and documents.',
    Hidden: false,
    Order: 64,
    RoleTypeKind: 3,
    mask: fromHighLow(432, 1011028719),
  },
  {
    Id: 1073741826,
    Name: 'Read',
    Description: 'Can view pages and list items and download documents.',
    Hidden: false,
    Order: 128,
    RoleTypeKind: 2,
    mask: fromHighLow(176, 138612833),
  },
  {
    Id: 1073741825,
    Name: 'Limited Access',
    Description:
      'Can view specific lists, document libraries, list items, folders, or documents when given permissions.',
    Hidden: true,
    Order: 160,
    RoleTypeKind: 1,
    mask: fromHighLow(48, 134287360),
  },
];

export const ROLE = {
  fullControl: 1073741829,
  design: 1073741828,
  edit: 1073741830,
  contribute: 1073741827,
  read: 1073741826,
  limitedAccess: 1073741825,
} as const;

export const roleByType = (kind: number) => ROLE_DEFINITIONS.find((r) => r.RoleTypeKind === kind);

/** `{High, Low}` as SharePoint's REST API renders SP.BasePermissions (decimal strings). */
export const highLow = (mask: bigint) => ({
  High: String((mask >> 32n) & 0xffffffffn),
  Low: String(mask & 0xffffffffn),
});

export const roleDefinitionJson = (r: RoleDefinition) => ({
  BasePermissions: highLow(r.mask),
  Description: r.Description,
  Hidden: r.Hidden,
  Id: r.Id,
  Name: r.Name,
  Order: r.Order,
  RoleTypeKind: r.RoleTypeKind,
});

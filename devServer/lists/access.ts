import { has, Perm } from '../sharepoint/roleDefinitions';
import { listKey, WEB } from '../sharepoint/scopeTree';
import { type ItemSecurity, Security } from '../sharepoint/scopes';
import type { Ctx } from '../http';
import type { ListDoc } from './lists';
import type { ItemRow } from './rows';

export const settingsOf = (list: ListDoc): ItemSecurity => ({
  readSecurity: list.readSecurity ?? 1,
  writeSecurity: list.writeSecurity ?? 1,
});

/** Who may do what in a site's lists, decided only from SharePoint's role assignments and list settings. */
export class ListAccess {
  readonly sec: Security;
  constructor(
    private readonly ctx: Ctx,
    readonly siteId: string,
  ) {
    this.sec = new Security(ctx.db, siteId, ctx.variants);
  }

  get upn() {
    return this.ctx.me.upn;
  }

  webMask(): bigint {
    return this.sec.maskOf(this.upn, WEB);
  }

  listMask(list: ListDoc): bigint {
    return this.sec.maskOf(this.upn, listKey(list.id));
  }

  /** No permission at all in the list (not even Limited Access) → the list does not open. */
  opens(list: ListDoc): boolean {
    return this.listMask(list) !== 0n;
  }

  canRead(list: ListDoc, row: ItemRow): boolean {
    return this.sec.canView(this.upn, list.id, row, settingsOf(list));
  }

  canEdit(list: ListDoc, row: ItemRow): boolean {
    return this.sec.canWrite(this.upn, list.id, row, settingsOf(list), Perm.EditListItems);
  }

  canDelete(list: ListDoc, row: ItemRow): boolean {
    return this.sec.canWrite(this.upn, list.id, row, settingsOf(list), Perm.DeleteListItems);
  }

  /** AddListItems on the scope of the folder (or the list's root) a new row goes into. */
  canAdd(list: ListDoc, dir = ''): boolean {
    const scope = dir ? this.sec.folderKey(list.id, dir) : listKey(list.id);
    return has(this.sec.maskOf(this.upn, scope), Perm.AddListItems);
  }
}

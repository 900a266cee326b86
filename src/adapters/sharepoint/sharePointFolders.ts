import type { IListItemFormUpdateValue } from '@pnp/sp/lists';
import type { MeetingKey } from '../../domain/meeting';
import { secretariatFolderName } from '../../domain/meetingScopes';
import { meetingPlace } from '../../domain/trust/place';
import { Conflict, Forbidden, Invalid, NotFound, type PortError } from '../../ports/errors';
import type { SharePointRest } from './sharePointRest';

/**
 * The site's REST client, or how to get it: the pages create it on first use (PnPjs loads then, not with
 * the first screen), tests and Node hand one over.
 */
export type SharePointRestSource = SharePointRest | (() => Promise<SharePointRest>);

/** A list item as SharePoint REST reports it with the fields we select. */
export interface SecurableItem {
  Id: number;
  HasUniqueRoleAssignments?: boolean;
}

export interface FormResult extends IListItemFormUpdateValue {
  ItemId?: number;
}

/**
 * Folders and rows-in-folders through SharePoint REST (Graph cannot create an item inside a folder of a
 * generic list): the lists' root folder paths (read once), folder look-ups by path and creation with
 * AddValidateUpdateItemUsingPath. Shared by the permissions adapter and the list store.
 */
export class SharePointFolders {
  private readonly roots = new Map<string, Promise<string>>();

  private readonly rest: () => Promise<SharePointRest>;

  constructor(rest: SharePointRestSource) {
    this.rest = typeof rest === 'function' ? rest : () => Promise.resolve(rest);
  }

  async web() {
    return (await this.rest()).sp.web;
  }

  async list(title: string) {
    return (await this.web()).lists.getByTitle(title);
  }

  /** Server-relative path of a list's root folder, e.g. /sites/moeder/Lists/AgendaItems. */
  root(title: string): Promise<string> {
    let root = this.roots.get(title);
    if (!root) {
      root = this.list(title)
        .then((list) =>
          list.select('Id', 'RootFolder/ServerRelativeUrl').expand('RootFolder')<{
            RootFolder: { ServerRelativeUrl: string };
          }>(),
        )
        .then((l) => l.RootFolder.ServerRelativeUrl.replace(/\/+$/, ''));
      root.catch(() => this.roots.delete(title));
      this.roots.set(title, root);
    }
    return root;
  }

  /** The folder's list item (id, whether it has its own permissions), or null when there is no such folder. */
  async find(title: string, relativePath: string): Promise<SecurableItem | null> {
    const path = `${await this.root(title)}/${relativePath}`;
    try {
      const item = await (
        await this.web()
      )
        .getFolderByServerRelativePath(path)
        .listItemAllFields.select('Id', 'HasUniqueRoleAssignments')<
        SecurableItem & { 'odata.null'?: boolean }
      >();
      return item && typeof item.Id === 'number' ? item : null;
    } catch (e) {
      if (e instanceof NotFound) return null;
      throw e;
    }
  }

  /** Creates the folder `relativePath` (its parent must exist); an existing one is returned as is. */
  async create(title: string, relativePath: string): Promise<SecurableItem> {
    const slash = relativePath.lastIndexOf('/');
    const parent = slash < 0 ? '' : relativePath.slice(0, slash);
    const leaf = relativePath.slice(slash + 1);
    const root = await this.root(title);
    try {
      const result = (await (
        await this.list(title)
      ).addValidateUpdateItemUsingPath(
        [{ FieldName: 'Title', FieldValue: leaf }],
        parent ? `${root}/${parent}` : root,
        false,
        undefined,
        { leafName: leaf, objectType: 1 },
      )) as FormResult[];
      const failed = result.find((r) => r.HasException);
      if (failed) throw formError(failed, `folder ${relativePath} in ${title}`);
      const id = newItemId(result);
      if (id !== undefined) return { Id: id, HasUniqueRoleAssignments: false };
    } catch (e) {
      // Someone else may have created it meanwhile; SharePoint's answer for an existing folder is not
      // documented (a 200 with a field exception, or an error status), so look before giving up.
      const found = await this.find(title, relativePath).catch(() => null);
      if (found) return found;
      throw e;
    }
    // The answer held no id: read it.
    const found = await this.find(title, relativePath);
    if (!found) throw new NotFound(`Folder ${relativePath} in ${title} could not be created`);
    return found;
  }

  async ensure(title: string, relativePath: string): Promise<{ item: SecurableItem; created: boolean }> {
    const found = await this.find(title, relativePath);
    if (found) return { item: found, created: false };
    return { item: await this.create(title, relativePath), created: true };
  }

  /**
   * A meeting's place below each list's root (src/domain/trust/place.ts): inside the secretariat folder
   * holding the organizer's Meetings row `meetingsRowId`, or at the root for a meeting from before
   * secretariats. Without a Meetings row yet: the organizer's secretariat when IT made one.
   */
  async placeOf(key: MeetingKey, organizerUpn: string, meetingsRowId?: string): Promise<string> {
    const secretariat = secretariatFolderName(organizerUpn);
    if (meetingsRowId && /^\d+$/.test(meetingsRowId)) {
      const [row, root] = await Promise.all([
        (await this.list('Meetings')).items.getById(Number(meetingsRowId)).select('FileDirRef')<{
          FileDirRef?: string;
        }>(),
        this.root('Meetings'),
      ]);
      const dir = (row.FileDirRef ?? '').replace(/\/+$/, '');
      const inSecretariat = dir.toLowerCase() === `${root}/${secretariat}`.toLowerCase();
      return meetingPlace(key, inSecretariat ? secretariat : null);
    }
    const found = await this.find('Meetings', secretariat);
    return meetingPlace(key, found ? secretariat : null);
  }

  /** A row created inside a folder with text values only (typed values follow through Graph). Returns its id. */
  async addRow(title: string, folderPath: string, text: Record<string, string>): Promise<number> {
    const root = await this.root(title);
    const result = (await (
      await this.list(title)
    ).addValidateUpdateItemUsingPath(
      Object.entries(text).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      `${root}/${folderPath}`,
    )) as FormResult[];
    const failed = result.find((r) => r.HasException);
    if (failed) throw formError(failed, `row in ${title}/${folderPath}`);
    const id = newItemId(result);
    if (id === undefined)
      throw new Invalid(`AddValidateUpdateItemUsingPath returned no item id for ${title}`);
    return id;
  }
}

/**
 * The new row's id in AddValidateUpdateItemUsingPath's answer: the value of the entry whose FieldName is
 * `Id` (Microsoft's own example answers ItemId 0 in every entry), else the first positive ItemId.
 */
export function newItemId(result: FormResult[]): number | undefined {
  const entry = result.find((r) => r.FieldName === 'Id' && !r.HasException);
  const fromId = Number(entry?.FieldValue);
  if (Number.isInteger(fromId) && fromId > 0) return fromId;
  return result.find((r) => typeof r.ItemId === 'number' && r.ItemId > 0)?.ItemId;
}

/** AddValidateUpdateItemUsingPath answers 200 with per-field exceptions: turn them into port errors. */
function formError(failed: IListItemFormUpdateValue, what: string): PortError {
  const message = `SharePoint REST: ${what}: ${failed.FieldName}: ${failed.ErrorMessage ?? 'rejected'}`;
  if (/already exists|findes allerede/i.test(failed.ErrorMessage ?? '')) return new Conflict(message);
  if (/does not exist|not found|cannot be found|file not found/i.test(failed.ErrorMessage ?? ''))
    return new NotFound(message, { code: 'folderNotFound' });
  if (/access denied|unauthori[sz]ed|forbidden/i.test(failed.ErrorMessage ?? ''))
    return new Forbidden(message, { status: 403 });
  return new Invalid(message);
}

/** Run `work` over `items` with at most `limit` at a time, results in order. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}

import { bilagFolderName } from '../../domain/meetingScopes';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import type { MeetingKey } from '../../domain/meeting';
import {
  NOT_CONVERTIBLE,
  type Bilag,
  type BilagContent,
  type BilagStore,
  type BilagUpload,
} from '../../ports/BilagStore';
import { Invalid, NotFound, PortError } from '../../ports/errors';
import { ListClient } from '../sharepoint/listClient';
import { LIBRARIES } from '../sharepoint/listSchema';
import type { SharePointRestSource } from '../sharepoint/sharePointFolders';
import type { GraphConnection } from './graphClient';
import { mapGraphError } from './graphErrors';

/** Graph's simple upload takes up to 4 MB; anything larger goes through an upload session. */
const SIMPLE_LIMIT = 4 * 1024 * 1024;
/** Upload session ranges: a multiple of 320 KiB, as Graph asks (12 × 320 KiB ≈ 3.75 MiB). */
const RANGE = 12 * 320 * 1024;

/**
 * BilagStore over Graph's drive API: the "Bilag" document library of the meetings site holds each item's
 * bilag in `<meeting place>/<item number>/<file>`, the place being where the meeting's Meetings row lives
 * (its organizer's secretariat, src/domain/trust/place.ts). The folders and their permissions are the
 * meeting's permission plan's (SharePointPermissions creates them at "Send dagsorden"), so this adapter
 * only reads and writes files, with the signed-in person's own rights.
 */
export class GraphBilagStore implements BilagStore {
  private readonly lists: ListClient;
  private drive?: Promise<string>;

  constructor(
    private readonly graph: GraphConnection,
    sitePath: string,
    rest: SharePointRestSource,
  ) {
    this.lists = new ListClient(graph, sitePath, rest);
  }

  /** The meeting's organizer as its calendar event says (only her Meetings row then says where it lives). */
  expectOrganizer(meeting: MeetingKey, upn: string): void {
    this.lists.places.expectOrganizer(meeting, upn);
  }

  async list(meeting: MeetingKey, itemId: string): Promise<Bilag[]> {
    const folder = await this.folder(meeting, itemId).catch(nothingFor);
    if (!folder) return [];
    try {
      const page = await this.get<{ value: DriveItem[] }>(`${folder}:/children?$top=200`);
      return page.value.filter((i) => i.file).map(toBilag);
    } catch (e) {
      return nothingFor(mapGraphError(e)) ?? [];
    }
  }

  async upload(meeting: MeetingKey, itemId: string, file: BilagUpload): Promise<Bilag> {
    const target = `${await this.folder(meeting, itemId)}/${encodeURIComponent(file.name)}:`;
    const type = file.type || 'application/octet-stream';
    try {
      if (file.bytes.length <= SIMPLE_LIMIT) {
        const item = (await this.graph.client
          .api(`${target}/content`)
          .header('Content-Type', type)
          // A Blob: the SDK passes it on as it is (an ArrayBuffer it turns into Node's Buffer, which no browser has).
          .put(new Blob([arrayBufferOf(file.bytes)], { type }))) as DriveItem;
        return toBilag(item);
      }
      const session = (await this.graph.client
        .api(`${target}/createUploadSession`)
        .post({ item: { '@microsoft.graph.conflictBehavior': 'replace' } })) as { uploadUrl: string };
      return toBilag(await uploadRanges(session.uploadUrl, file.bytes));
    } catch (e) {
      throw mapGraphError(e);
    }
  }

  async download(meeting: MeetingKey, itemId: string, name: string): Promise<BilagContent> {
    const target = `${await this.folder(meeting, itemId)}/${encodeURIComponent(name)}:`;
    // The driveItem's pre-authenticated download URL, fetched without our token (Graph's advice for
    // pages: …/content answers with a 302 whose Location a browser's fetch cannot read).
    const item = await this.get<DriveItem & { '@microsoft.graph.downloadUrl'?: string }>(target);
    const url = item['@microsoft.graph.downloadUrl'];
    if (!url) throw new NotFound(`No content for ${name}`);
    let res: Response;
    try {
      res = await fetch(url);
    } catch (e) {
      throw mapGraphError(e);
    }
    if (!res.ok) throw mapGraphError({ statusCode: res.status, code: '', message: `download ${res.status}` });
    return {
      name: item.name ?? name,
      bytes: new Uint8Array(await res.arrayBuffer()),
      mimeType: item.file?.mimeType ?? 'application/octet-stream',
    };
  }

  /**
   * `…/content?format=pdf`: Graph converts an Office file (and gives a PDF as it is). A file it cannot
   * convert answers 406 notSupported. Against a tenant Graph answers with a 302 to the converted file, which
   * the SDK's redirect step follows in Node; the local server answers 200 with the bytes.
   */
  async pdf(meeting: MeetingKey, itemId: string, name: string): Promise<BilagContent> {
    const target = `${await this.folder(meeting, itemId)}/${encodeURIComponent(name)}:`;
    try {
      const buffer = (await this.graph.client
        .api(`${target}/content`)
        .query({ format: 'pdf' })
        .responseType(ResponseType.ARRAYBUFFER)
        .get()) as ArrayBuffer;
      return { name, bytes: new Uint8Array(buffer), mimeType: 'application/pdf' };
    } catch (e) {
      const failure = mapGraphError(e);
      if (failure.details.status === 406)
        throw new Invalid(`${name} cannot be converted to PDF`, { status: 406, code: NOT_CONVERTIBLE });
      throw failure;
    }
  }

  /** `/drives/{id}/root:/<place>/<item folder>` for the item (named by its id), or NotFound when the caller cannot see the meeting. */
  private async folder(meeting: MeetingKey, itemId: string): Promise<string> {
    const [drive, where] = await Promise.all([this.driveId(), this.lists.places.whereIs(meeting)]);
    if (!where)
      throw new NotFound(`Meeting ${meeting} has no Meetings row the caller can see`, {
        code: 'meetingNotProvisioned',
      });
    const path = [...where.place.split('/'), bilagFolderName(itemId)].map(encodeURIComponent).join('/');
    return `/drives/${drive}/root:/${path}`;
  }

  private driveId(): Promise<string> {
    this.drive ??= this.get<{ value: Array<{ id: string; name: string }> }>(`${this.lists.root}/drives`).then(
      (drives) => {
        const found = drives.value.find((d) => d.name === LIBRARIES[0].name);
        if (!found) throw new NotFound(`No document library ${LIBRARIES[0].name}: IT must run provision`);
        return found.id;
      },
    );
    this.drive.catch(() => (this.drive = undefined));
    return this.drive;
  }

  private async get<T>(path: string): Promise<T> {
    try {
      return (await this.graph.client.api(path).get()) as T;
    } catch (e) {
      throw mapGraphError(e);
    }
  }
}

/** A folder that is not there and one the caller may not see answer alike: no bilag. */
function nothingFor(e: unknown): null {
  if (e instanceof PortError && e.kind === 'NotFound') return null;
  throw e;
}

const toBilag = (item: DriveItem): Bilag => ({
  id: item.id ?? '',
  name: item.name ?? '',
  size: item.size ?? 0,
  mimeType: item.file?.mimeType ?? 'application/octet-stream',
  modified: item.lastModifiedDateTime ?? '',
  eTag: item.eTag ?? '',
});

const arrayBufferOf = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/**
 * The ranges of an upload session, in order, to its pre-authenticated URL (no Authorization header, as
 * Graph asks); the last answer carries the driveItem.
 */
async function uploadRanges(url: string, bytes: Uint8Array): Promise<DriveItem> {
  for (let from = 0; from < bytes.length; from += RANGE) {
    const to = Math.min(from + RANGE, bytes.length);
    const res = await fetch(url, {
      method: 'PUT',
      headers: {
        'Content-Range': `bytes ${from}-${to - 1}/${bytes.length}`,
        'Content-Type': 'application/octet-stream',
      },
      body: arrayBufferOf(bytes.subarray(from, to)),
    });
    const body = (await res.json().catch(() => ({}))) as DriveItem & {
      error?: { code?: string; message?: string };
    };
    if (res.status === 200 || res.status === 201) return body;
    if (res.status !== 202)
      throw mapGraphError({
        statusCode: res.status,
        code: body.error?.code,
        message: body.error?.message ?? '',
      });
  }
  throw new NotFound('The upload session ended without the file');
}

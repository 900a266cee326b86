import type { MeetingKey } from '../../domain/meeting';
import {
  NOT_CONVERTIBLE,
  type Bilag,
  type BilagContent,
  type BilagStore,
  type BilagUpload,
} from '../../ports/BilagStore';
import { Invalid, NotFound } from '../../ports/errors';

interface Stored extends Bilag {
  bytes: Uint8Array;
  version: number;
}

/**
 * BilagStore in memory, for use-case and UI tests: every item's files by name (case-insensitive, as
 * SharePoint compares them); a name uploaded again is a new version of the same file. No permissions: the
 * SharePoint adapter's are tested against the local server.
 */
export class MemoryBilagStore implements BilagStore {
  private readonly items = new Map<string, Stored[]>();
  private ids = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  async list(meeting: MeetingKey, itemId: string): Promise<Bilag[]> {
    return (this.items.get(slot(meeting, itemId)) ?? [])
      .map(({ bytes: _bytes, version: _version, ...b }) => b)
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  async upload(meeting: MeetingKey, itemId: string, file: BilagUpload): Promise<Bilag> {
    const files = this.items.get(slot(meeting, itemId)) ?? [];
    this.items.set(slot(meeting, itemId), files);
    const had = files.find((f) => same(f.name, file.name));
    const version = (had?.version ?? 0) + 1;
    const id = had?.id ?? `bilag-${++this.ids}`;
    const stored: Stored = {
      id,
      name: had?.name ?? file.name,
      size: file.bytes.length,
      mimeType: file.type || 'application/octet-stream',
      modified: this.now().toISOString(),
      eTag: `"${id},${version}"`,
      bytes: file.bytes.slice(),
      version,
    };
    if (had) files.splice(files.indexOf(had), 1, stored);
    else files.push(stored);
    const { bytes: _bytes, version: _version, ...bilag } = stored;
    return bilag;
  }

  async download(meeting: MeetingKey, itemId: string, name: string): Promise<BilagContent> {
    const found = (this.items.get(slot(meeting, itemId)) ?? []).find((f) => same(f.name, name));
    if (!found) throw new NotFound(`No bilag ${name} on item ${itemId}`);
    return { name: found.name, bytes: found.bytes.slice(), mimeType: found.mimeType };
  }

  /** A PDF as it is; this store converts nothing else (as the local server: no Office converter). */
  async pdf(meeting: MeetingKey, itemId: string, name: string): Promise<BilagContent> {
    const file = await this.download(meeting, itemId, name);
    if (file.mimeType !== 'application/pdf')
      throw new Invalid(`${name} cannot be converted to PDF`, { status: 406, code: NOT_CONVERTIBLE });
    return file;
  }
}

const slot = (meeting: MeetingKey, itemId: string) => `${meeting}\u0000${itemId}`;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

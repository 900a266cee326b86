import type { SeenVersions } from '../../domain/bilag/changedBilag';
import type { MeetingKey } from '../../domain/meeting';
import type { SeenBilag } from '../../ports/SeenBilag';

/** The part of the browser's Storage used here (localStorage; a fake in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The browser's localStorage, reached only when read or written: in a frame of another site (a Teams tab
 * outside Teams, a browser that blocks third-party storage) merely touching `window.localStorage` throws,
 * and LocalSeenBilag catches that where it reads and writes, so the page runs without marks.
 */
export const browserStorage: KeyValueStorage = {
  getItem: (key) => window.localStorage.getItem(key),
  setItem: (key, value) => window.localStorage.setItem(key, value),
};

/**
 * SeenBilag in the reader's own browser (localStorage), one entry per reader and meeting: the versions
 * of the meeting's bilag this reader was shown, as opaque ids and eTags (no names, no content). Anything
 * unreadable there (another version's format, a hand-edited value) counts as nothing seen; a full or
 * refused storage loses marks, never the page.
 */
export class LocalSeenBilag implements SeenBilag {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly reader: string,
  ) {}

  async seen(meeting: MeetingKey): Promise<SeenVersions> {
    return this.read(meeting);
  }

  async remember(meeting: MeetingKey, versions: SeenVersions): Promise<void> {
    // Read and written in one step (localStorage is synchronous): two lists remembering at once both count.
    try {
      this.storage.setItem(this.key(meeting), JSON.stringify({ ...this.read(meeting), ...versions }));
    } catch {
      // Quota exceeded or storage refused (private mode): the marks are a convenience.
    }
  }

  private key(meeting: MeetingKey): string {
    return `moedeassistent.seenBilag.${this.reader.toLowerCase()}.${meeting}`;
  }

  private read(meeting: MeetingKey): Record<string, string> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.storage.getItem(this.key(meeting)) ?? '{}');
    } catch {
      return {};
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Record<string, string> = {};
    for (const [id, eTag] of Object.entries(parsed)) if (typeof eTag === 'string') out[id] = eTag;
    return out;
  }
}

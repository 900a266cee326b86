import { changedSinceSeen, firstSights, opened } from '../domain/bilag/changedBilag';
import type { MeetingKey } from '../domain/meeting';
import type { Bilag, BilagContent, BilagStore } from '../ports/BilagStore';
import type { SeenBilag } from '../ports/SeenBilag';

export interface MarkedBilag extends Bilag {
  /** Changed after the reader was shown it ("Ændret efter udsendelse"), until they open it. */
  changed: boolean;
}

/**
 * An item's bilag for a reader, each marked when its file changed since this reader was shown it; the
 * files shown for the first time are remembered at their current version. The reader's memory failing
 * costs the marks, never the list.
 */
export async function listMarkedBilag(
  store: BilagStore,
  seen: SeenBilag,
  meeting: MeetingKey,
  itemId: string,
): Promise<MarkedBilag[]> {
  const files = await store.list(meeting, itemId);
  const known = await seen.seen(meeting).catch(() => ({}));
  const changed = changedSinceSeen(files, known);
  const first = firstSights(files, known);
  if (Object.keys(first).length) await seen.remember(meeting, first).catch(() => undefined);
  return files.map((f) => ({ ...f, changed: changed.has(f.id) }));
}

/** Downloads a bilag for the reader; from then on its current version is the one they have seen. */
export async function openBilag(
  store: BilagStore,
  seen: SeenBilag,
  meeting: MeetingKey,
  itemId: string,
  file: Bilag,
): Promise<BilagContent> {
  const content = await store.download(meeting, itemId, file.name);
  await seen.remember(meeting, opened(file)).catch(() => undefined);
  return content;
}

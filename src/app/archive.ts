import { ArchiveIndex, type ArchiveEntry } from '../domain/archive/searchIndex';
import { localDate } from '../domain/format';
import { indstillingSearchText } from '../domain/indstilling/indstilling';
import type { ArchiveMeetingRef, ArchiveRows, ListStore } from '../ports/ListStore';

const dateOf = (iso: string) => (iso ? localDate(iso) : '');

/**
 * One entry per item (with its indstilling, decision and follow-ups), and per decision whose item row is
 * gone. A meeting is its place (ArchiveMeetingRef): rows of two meetings of one key in two secretariats
 * never mix.
 */
export function archiveEntries(rows: ArchiveRows): ArchiveEntry[] {
  const meetings = new Map(rows.meetings.map((m) => [m.place, m]));
  const k = (ref: ArchiveMeetingRef, n: number) => `${ref.place}#${n}`;
  const decisions = new Map(rows.decisions.map((d) => [k(d, d.itemNumber), d]));
  const followUps = new Map<string, ArchiveEntry['followUps']>();
  for (const f of rows.followUps) {
    const list = followUps.get(k(f, f.itemNumber)) ?? [];
    list.push({ owners: f.owners, task: f.task });
    followUps.set(k(f, f.itemNumber), list);
  }
  const entries: ArchiveEntry[] = [];
  const seen = new Set<string>();
  const entry = (
    ref: ArchiveMeetingRef,
    n: number,
    title: string,
    category: ArchiveEntry['category'],
    closed: boolean,
    indstilling: string,
  ) => {
    const m = meetings.get(ref.place);
    seen.add(k(ref, n));
    entries.push({
      meetingKey: ref.meetingKey,
      place: ref.place,
      organizer: m?.organizer.name || m?.organizer.upn || '',
      live: !!m?.eventId,
      series: m?.series ?? '',
      date: dateOf(m?.start ?? ''),
      itemNumber: n,
      itemTitle: title,
      category,
      closed,
      decision: decisions.get(k(ref, n))?.text ?? '',
      followUps: followUps.get(k(ref, n)) ?? [],
      indstilling,
    });
  };
  for (const i of rows.items)
    entry(
      i,
      i.number,
      i.title,
      i.category,
      i.closed,
      i.indstilling ? indstillingSearchText(i.indstilling) : '',
    );
  for (const d of rows.decisions)
    if (!seen.has(k(d, d.itemNumber))) entry(d, d.itemNumber, d.itemTitle, null, false, '');
  return entries;
}

/** The archive as the caller may read it: the lists decide what comes back (closed items only for members). */
export async function loadArchive(lists: ListStore): Promise<ArchiveIndex> {
  return new ArchiveIndex(archiveEntries(await lists.readArchive()));
}

import type { AgendaItem } from '../agendaItem';
import type { Decision } from '../decision';
import type { FollowUp } from '../followUp';
import { copenhagenToUtc } from '../format';
import type { Meeting } from '../meeting';
import type { Person } from '../person';
import { cleanText, TEXT_MAX, TITLE_MAX } from '../text';
import type { ImportedMeeting } from './importedMeeting';
import { indstillingOfImported } from '../indstilling/storedIndstilling';

/** The rows an imported meeting becomes in the lists. */
export interface ImportedRows {
  meeting: Meeting;
  items: AgendaItem[];
  decisions: Decision[];
  followUps: FollowUp[];
}

/** FNV-1a, 52 bits: a stable key from text (not for security). */
function hash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xfffffffffffffn;
  }
  return h.toString(36);
}

/**
 * The meeting key of an imported meeting: the same meeting imported twice (or found in two exports)
 * gets the same key, so an import never creates it twice. Dated meetings are known by series, date and
 * start; undated ones by their items.
 */
export function importedKey(m: ImportedMeeting): string {
  const basis = m.date
    ? [m.series ?? '', m.date, m.start ?? ''].join('|')
    : m.items.map((i) => `${i.number}:${i.title}:${(i.decision ?? '').slice(0, 200)}`).join('|');
  return `import-${m.date ?? 'udateret'}-${hash(basis)}`;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function toRows(m: ImportedMeeting, importer: Person, importedAt: string): ImportedRows {
  const key = importedKey(m);
  const start = m.date ? copenhagenToUtc(m.date, m.start ?? '00:00') : '';
  const end = m.date ? copenhagenToUtc(m.date, m.end ?? m.start ?? '00:00') : '';
  const series = clip(cleanText(m.series ?? ''), TITLE_MAX);
  const meeting: Meeting = {
    key,
    series,
    title: series || 'Importeret møde',
    start,
    end,
    location: clip(cleanText(m.location ?? ''), TITLE_MAX),
    organizer: importer,
    attendees: [],
    status: m.kind === 'minutes' ? 'Godkendt' : 'Udsendt',
    informationNote: m.information ? clip(cleanText(m.information, true), TEXT_MAX) : undefined,
    agendaVersion: 1,
  };
  const items: AgendaItem[] = m.items.map((i) => ({
    id: `${key}#${i.number}`,
    number: i.number,
    title: clip(cleanText(i.title) || `Punkt ${i.number}`, TITLE_MAX),
    category: i.category,
    durationMinutes: i.durationMinutes ?? 0,
    guests: m.guests
      .filter((g) => g.item === i.title)
      .map((g) => ({ name: clip(cleanText(g.name), TITLE_MAX) })),
    closed: i.closed === true,
    caseNumber: i.caseNumber,
    attachments: [],
    ...(i.indstilling !== undefined
      ? {
          indstilling: i.indstilling
            ? indstillingOfImported(i.indstilling, {
                closed: i.closed === true,
                date: null,
                minutes: null,
              })
            : null,
        }
      : {}),
  }));
  const decisions: Decision[] = m.items
    .filter((i) => i.decision)
    .map((i) => ({
      itemNumber: i.number,
      itemTitle: clip(cleanText(i.title), TITLE_MAX),
      text: clip(cleanText(i.decision, true), TEXT_MAX),
      status: 'Endelig',
      editorUpn: importer.upn,
      updatedAt: start || importedAt,
    }));
  const followUps: FollowUp[] = m.items.flatMap((i) =>
    i.followUps.map((f, k) => ({
      id: `${key}#${i.number}#${k + 1}`,
      itemNumber: i.number,
      owners: f.owners.map((o) => clip(cleanText(o), TITLE_MAX)),
      task: clip(cleanText(f.text, true), TEXT_MAX),
      status: 'Åben' as const,
    })),
  );
  return { meeting, items, decisions, followUps };
}

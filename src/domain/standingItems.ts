import type { AgendaItem, Category } from './agendaItem';
import { foldWord } from './archive/danishFold';

/** An item as it is offered before it has an id and a number. */
export type StandingItem = Omit<AgendaItem, 'id' | 'number'>;

const item = (title: string, category: Category | null): StandingItem => ({
  title,
  category,
  durationMinutes: 5,
  guests: [],
  closed: false,
  standing: true,
  attachments: [],
});

/**
 * What this municipality always has (../shared/seeds): a rådmandsmøde opens with "Dagsorden" and
 * "Referat" and ends with "Orientering fra Magistraten", "Orientering om udvalget" and "Bordrunde"; a
 * committee meeting opens with "Godkendelse af dagsorden" and "Godkendelse af referat" and ends with
 * "Eventuelt". Opening items come first, closing items last.
 */
const KNOWN: Array<{ item: StandingItem; opening: boolean }> = [
  { item: item('Dagsorden', 'Til godkendelse'), opening: true },
  { item: item('Referat', 'Til godkendelse'), opening: true },
  { item: item('Godkendelse af dagsorden', 'Til godkendelse'), opening: true },
  { item: item('Godkendelse af referat', 'Til godkendelse'), opening: true },
  { item: item('Orientering fra Magistraten', 'Til orientering'), opening: false },
  { item: item('Orientering om udvalget', 'Til orientering'), opening: false },
  { item: item('Bordrunde', 'Til orientering'), opening: false },
  { item: item('Eventuelt', 'Til orientering'), opening: false },
];

const key = (title: string) => title.split(/\s+/).map(foldWord).join(' ').trim();
const known = new Map(KNOWN.map((k) => [key(k.item.title), k]));

export const isStandingTitle = (title: string): boolean => known.has(key(title));

/**
 * The standing items a new meeting of a series is offered, each marked standing (so the mark carries on to
 * the meeting after): those the secretary marked standing in the series' previous meeting, in its order
 * and with its categories and minutes (what she set last time). A previous meeting from before items were
 * marked (none is) offers those of its items the municipality always has; without a previous meeting, the
 * municipality's usual ones for the kind of meeting. Never a closed item, a guest or a text.
 */
export function standingItems(
  previous:
    | readonly Pick<AgendaItem, 'number' | 'title' | 'category' | 'durationMinutes' | 'standing'>[]
    | null,
  kind: 'Rådmandsmøde' | 'Udvalgsmøde' = 'Rådmandsmøde',
): StandingItem[] {
  const all = [...(previous ?? [])].sort((a, b) => a.number - b.number);
  const marked = all.filter((i) => i.standing === true && i.title.trim());
  const fromPrevious = (marked.length ? marked : all.filter((i) => isStandingTitle(i.title))).map((i) => ({
    ...item(i.title.trim(), i.category ?? known.get(key(i.title))?.item.category ?? null),
    durationMinutes: i.durationMinutes >= 1 && i.durationMinutes <= 480 ? i.durationMinutes : 5,
  }));
  if (fromPrevious.length) return fromPrevious;
  const committee = kind === 'Udvalgsmøde';
  const titles = committee
    ? ['Godkendelse af dagsorden', 'Godkendelse af referat', 'Eventuelt']
    : ['Dagsorden', 'Referat', 'Orientering fra Magistraten', 'Orientering om udvalget', 'Bordrunde'];
  return titles.map((t) => ({ ...known.get(key(t))!.item }));
}

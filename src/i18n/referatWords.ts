import type { Locale } from '../domain/format';
import { joinList } from './joinList';

/**
 * The referat's own words (the document's, not the pages': src/ui/i18n holds those), in Danish and English.
 * The document renderers (src/adapters/documents) and src/i18n/referat.ts word the domain's referat with them.
 */
const WORDS = {
  da: {
    item: 'Punkt',
    decision: 'Beslutning for Punkt',
    contents: 'Indhold',
    category: 'Kategori',
    none: 'Øvrige punkter',
    closed: 'LUKKET PUNKT',
    closedHidden: 'Lukket punkt',
    used: 'brugt',
    info: 'Information',
    for: 'For stemte',
    against: 'Imod stemte',
    abstained: 'Undlod at stemme',
    result: 'Resultat',
    Vedtaget: 'Vedtaget',
    Forkastet: 'Forkastet',
    voteCaption: (n: number) => `Afstemning om punkt ${n}`,
    voteColumns: ['Stemme', 'Navne (antal)'] as [string, string],
    inhabil: (name: string) => `${name} deltog ikke i behandlingen af punktet på grund af inhabilitet.`,
    tilfoersel: (name: string, text: string) => `${name} ønskede følgende ført til protokol: ${text}`,
    absent: 'Fraværende under punktet',
    signed: 'Underskrevet af',
    version: (v: number, sum: string) => `Protokolversion ${v}, kontrolsum ${sum}`,
    substitutes: (names: string[]) => `${joinList(names, 'da')} deltager.`,
    substituteFor: (sub: string, member: string) => `${sub} (stedfortræder for ${member})`,
    followUp: 'Opfølgning',
    due: 'frist',
    status: { Åben: 'Åben', 'I gang': 'I gang', Afsluttet: 'Afsluttet' } as Record<string, string>,
  },
  en: {
    item: 'Item',
    decision: 'Decision for Item',
    contents: 'Contents',
    category: 'Category',
    none: 'Other items',
    closed: 'CLOSED ITEM',
    closedHidden: 'Closed item',
    used: 'used',
    info: 'Information',
    for: 'Voted for',
    against: 'Voted against',
    abstained: 'Abstained',
    result: 'Result',
    Vedtaget: 'Adopted',
    Forkastet: 'Rejected',
    voteCaption: (n: number) => `Vote on item ${n}`,
    voteColumns: ['Vote', 'Names (count)'] as [string, string],
    inhabil: (name: string) => `${name} took no part in the item because of disqualification (inhabilitet).`,
    tilfoersel: (name: string, text: string) =>
      `${name} asked for the following to be entered in the minutes: ${text}`,
    absent: 'Absent during the item',
    signed: 'Signed by',
    version: (v: number, sum: string) => `Protocol version ${v}, checksum ${sum}`,
    substitutes: (names: string[]) => `${joinList(names, 'en')} attend${names.length === 1 ? 's' : ''}.`,
    substituteFor: (sub: string, member: string) => `${sub} (substitute for ${member})`,
    followUp: 'Follow-up',
    due: 'due',
    status: { Åben: 'Open', 'I gang': 'In progress', Afsluttet: 'Done' } as Record<string, string>,
  },
} as const;

export type ReferatWords = (typeof WORDS)[Locale];

/** The referat's own words in a language. */
export const referatWords = (locale: Locale): ReferatWords => WORDS[locale];

import type { ImportedGuest, ImportedMeeting } from './importedMeeting';

/**
 * The Information line of a meeting head, in the phrasings secretaries use:
 * "Afbud fra A, B og C." / "Afbud: A og B." — absent;
 * "Mads er referent." / "A og B er referenter." / "A tager referat." / "A eller B tager referat." /
 * "Referent: A" — referent;
 * "C deltager under punktet "…"." — a guest on one item.
 */
export function readInformation(meeting: ImportedMeeting, lines: string[]): void {
  for (const sentence of sentencesOf(joinInformation(lines))) {
    const absent = /^Afbud\s*(?:fra\b|:)\s*(.+)$/i.exec(sentence);
    if (absent) meeting.absent.push(...names(absent[1]));
    const isReferent = /^(.+?)\s+er\s+referent(?:er)?$/i.exec(sentence);
    const takesReferat = /^(.+?)\s+tager\s+referat(?:et)?$/i.exec(sentence);
    const labelled = /^Referent(?:er)?\s*:\s*(.+)$/i.exec(sentence);
    const referent = isReferent ?? takesReferat ?? labelled;
    if (referent) meeting.referent.push(...names(referent[1]));
    const guest = /^(.+?)\s+deltager\s+under\s+punkt(?:et)?\s*["“”„'«»]([^"“”„«»]+)["“”'«»]/i.exec(sentence);
    if (guest) addGuest(meeting, { name: guest[1].trim(), item: guest[2].trim() });
  }
}

/** The lines as one text; a labelled line ("Referent: A") ends its sentence where the line ends. */
function joinInformation(lines: string[]): string {
  return lines.map((l) => (LABELLED.test(l) && !/[.!]$/.test(l) ? `${l}.` : l)).join(' ');
}

const LABELLED = /^(?:Referent(?:er)?|Afbud)\s*:/i;

/** Sentences of the line: a full stop (or !) before a space or the end; a quoted title may hold stops. */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '“') quoted = !quoted;
    else if ('„«'.includes(ch)) quoted = true;
    else if ('”»'.includes(ch)) quoted = false;
    if (!quoted && /[.!]/.test(ch) && (i + 1 === text.length || /\s/.test(text[i + 1]))) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter(Boolean);
}

/** "A, B og C" / "A eller B" → the names. */
export function names(list: string): string[] {
  return list
    .split(/\s*,\s*|\s+og\s+|\s+eller\s+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

export function addGuest(meeting: ImportedMeeting, g: ImportedGuest): void {
  if (!meeting.guests.some((x) => x.name === g.name && x.item === g.item)) meeting.guests.push(g);
}

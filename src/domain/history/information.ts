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

const TAKES_PART = /\s+deltager\s+(?:under\s+punktet|under\s+behandlingen|i\s+forbindelse\s+med)\b/i;

/**
 * The guests a paragraph of an item's text names: "Driftschef Janus Hedemann deltager under punktet.",
 * "Sundhedschef i Sundhed og Omsorg, Otto Ohrt og Konsulent, Sophie Bertelsen deltager i forbindelse
 * med udvalgets behandling af sagen." (people written "Role, Name" and joined by "og").
 */
export function guestsIn(paragraph: string): string[] {
  const out: string[] = [];
  for (const sentence of paragraph.split(/(?<=[.!])\s+(?=[^\p{Ll}\s])/u)) {
    const m = TAKES_PART.exec(sentence);
    if (!m) continue;
    const subject = sentence
      .slice(0, m.index)
      .replace(/^[\p{L}/]+\s*:\s*/u, '')
      .trim();
    if (subject) out.push(...peopleIn(subject));
  }
  return out;
}

/** "A og B" → both; "Role i X og Y, A og Role, B" → split only where "og" starts the next "Role, Name". */
function peopleIn(subject: string): string[] {
  if (!subject.includes(',')) return subject.split(/\s+og\s+/).filter(Boolean);
  const people: string[] = [];
  let from = 0;
  for (const m of subject.matchAll(/\s+og\s+(?=[^\p{Ll}\s][\p{L}@&-]*,)/gu)) {
    const before = subject.slice(from, m.index);
    if (!before.includes(',')) continue;
    people.push(before.trim());
    from = m.index + m[0].length;
  }
  people.push(subject.slice(from).trim());
  return people.filter(Boolean);
}

/**
 * Letterhead and address blocks of a committee letter, and the page furniture around them: the
 * department in capitals, "Aarhus Kommune", the street and postcode, "Telefon:", "Direkte e-mail:",
 * e-mail addresses, "Sag: EMN-…", "Sagsbehandler:". None of it is an item or its title.
 */

const CONTACT =
  /^(?:Telefon|Direkte\s+telefon|Direkte\s+e-?mail|E-?mail|E-post|T[lI]f\.?|Sag|Sagsnr\.?|Sagsbehandler|Antal\s+tegn)\b\s*:?/i;
const EMAIL_ONLY = /^\S+@\S+\.\p{L}{2,}\/?$/u;
const POSTCODE = /^\d{4}\s+\p{Lu}\p{L}+(?:\s+\p{Lu})?$/u;
const MUNICIPALITY = /^\p{Lu}\p{L}+\s+Kommune$/u;
const CAPITALS = /^[\p{Lu}\s&,.-]{6,}$/u;

/** A line of the address block: contact lines, e-mail, postcode, municipality. */
export function isAddressLine(line: string): boolean {
  return CONTACT.test(line) || EMAIL_ONLY.test(line) || POSTCODE.test(line) || MUNICIPALITY.test(line);
}

/** Any letterhead line, the department's name in capitals included (which a title may also be). */
export function isLetterheadLine(line: string): boolean {
  return (
    isAddressLine(line) || (CAPITALS.test(line) && /\p{Lu}{3,}/u.test(line) && !/^LUKKET PUNKT$/.test(line))
  );
}

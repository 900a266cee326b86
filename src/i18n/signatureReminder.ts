import { escapeHtml } from '../domain/text';

/**
 * The mail that reminds a member to sign the beslutningsprotokol, in the municipality's language (as the
 * referat's own words are document text, not UI).
 */
export function signatureReminder(
  committeeName: string,
  date: string,
  version: number,
): { subject: string; html: string } {
  return {
    subject: `Påmindelse: underskriv beslutningsprotokollen for ${committeeName} ${date}`,
    html:
      `<p>Beslutningsprotokollen for mødet ${escapeHtml(committeeName)} ${date} ` +
      `(version ${version}) venter på din underskrift.</p>`,
  };
}

/** Delimiters of the agenda section in a calendar event body; everything outside them is the organizer's. */
export const AGENDA_START = '<!-- moedeassistent:agenda:start -->';
export const AGENDA_END = '<!-- moedeassistent:agenda:end -->';

/** Put the section at the top of the body, replacing an earlier one and keeping the rest as it was. */
export function replaceAgendaSection(bodyHtml: string, section: string): string {
  const start = bodyHtml.indexOf(AGENDA_START);
  const end = bodyHtml.indexOf(AGENDA_END);
  const rest =
    start >= 0 && end > start ? bodyHtml.slice(0, start) + bodyHtml.slice(end + AGENDA_END.length) : bodyHtml;
  const bodyOpen = rest.match(/<body[^>]*>/i);
  if (bodyOpen && bodyOpen.index !== undefined) {
    const at = bodyOpen.index + bodyOpen[0].length;
    return rest.slice(0, at) + section + rest.slice(at);
  }
  return section + rest;
}

/** Over: closed or approved, or its end has passed. It is not started again; its referat is what is left. */
export function isMeetingOver(meeting: { status: string; end: string }, now = Date.now()): boolean {
  return meeting.status === 'Afsluttet' || meeting.status === 'Godkendt' || Date.parse(meeting.end) < now;
}

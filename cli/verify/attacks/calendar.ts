import { Judge, type Attack } from '../attack';
import type { Caller, Reply } from '../target';

/** How long a copy may take to reach an attendee's calendar on a tenant (Exchange delivers asynchronously). */
const DELIVERY_TRIES = 20;
const DELIVERY_PAUSE_MS = 3000;

/** Asks until `done` holds or the tries run out (a tenant delivers calendar copies a little later). */
async function eventually(ask: () => Promise<Reply>, done: (r: Reply) => boolean): Promise<Reply> {
  let last = await ask();
  for (let i = 1; i < DELIVERY_TRIES && !done(last); i++) {
    await new Promise<void>((resolve) => setTimeout(resolve, DELIVERY_PAUSE_MS));
    last = await ask();
  }
  return last;
}

const attachment = (name: string) => ({
  method: 'POST',
  body: {
    '@odata.type': '#microsoft.graph.fileAttachment',
    name,
    contentType: 'text/plain',
    contentBytes: Buffer.from(`Mødeassistent verify: ${name}`).toString('base64'),
  },
});

interface Copy {
  id: string;
  isCancelled?: boolean;
}

/** The person's own copy of the event with this iCalUId, once it has arrived (null when it never did). */
async function copyOf(as: Caller, iCalUId: string, arrived: (c: Copy) => boolean): Promise<Copy | null> {
  const reply = await eventually(
    () => as(`/me/events?$filter=iCalUId eq '${encodeURIComponent(iCalUId)}'&$select=id,isCancelled`),
    (r) => r.status === 200 && (r.body?.value ?? []).some(arrived),
  );
  return ((reply.body?.value ?? []) as Copy[]).find(arrived) ?? null;
}

const names = (r: Reply): string[] =>
  r.status === 200 ? ((r.body?.value ?? []) as Array<{ name: string }>).map((a) => a.name).sort() : [];

/**
 * Calendar copies as Exchange keeps them (tests/security/calendarRights.test.ts): the add-in relies on an
 * attendee removed from the event reading none of what is attached afterwards. On a throwaway event of the
 * organizer's own, with the attendee and the guest invited: a file attached, the guest removed, a second
 * file attached. The guest's copy must not offer the second file (by list, by id or its content); the
 * attendee still invited reads both (the positive control). The event is deleted afterwards.
 */
export const removedAttendeeReadsNoLaterAttachment: Attack = {
  name: 'Kalender: en deltager, der er fjernet fra mødet, læser ingen bilag, der vedhæftes bagefter',
  as: 'guest',
  phase: 'before',
  async run(t) {
    const j = new Judge();
    const org = t.person('organizer').graph;
    const start = new Date(Date.now() + 30 * 86_400_000);
    const invite = (roles: Array<'attendee' | 'guest'>) =>
      roles.map((r) => ({ emailAddress: { address: t.person(r).upn }, type: 'required' }));
    const made = await org('/me/events', {
      method: 'POST',
      body: {
        subject: 'Mødeassistent verify: kalenderkopier',
        start: { dateTime: start.toISOString(), timeZone: 'UTC' },
        end: { dateTime: new Date(start.getTime() + 3_600_000).toISOString(), timeZone: 'UTC' },
        attendees: invite(['attendee', 'guest']),
      },
    });
    if (!j.control(made.status === 201, `arrangøren opretter en testbegivenhed (${made.status})`))
      return j.verdict();
    const { id, iCalUId } = made.body as { id: string; iCalUId: string };
    try {
      const first = await org(`/me/events/${id}/attachments`, attachment('verify-før.txt'));
      j.control(first.status === 201, `arrangøren vedhæfter det første bilag (${first.status})`);
      const guest = t.person('guest').graph;
      // The guest's copy must have arrived before she is removed, or there is nothing to test.
      const before = await copyOf(guest, iCalUId, (c) => !c.isCancelled);
      j.control(!!before, 'gæsten har sin kopi af begivenheden');
      const removed = await org(`/me/events/${id}`, {
        method: 'PATCH',
        body: { attendees: invite(['attendee']) },
      });
      j.control(removed.status === 200, `arrangøren fjerner gæsten (${removed.status})`);
      const later = await org(`/me/events/${id}/attachments`, attachment('verify-efter.txt'));
      j.control(later.status === 201, `arrangøren vedhæfter det andet bilag (${later.status})`);
      const laterId = (later.body as { id?: string })?.id ?? '';

      const attendee = t.person('attendee').graph;
      const kept = await copyOf(attendee, iCalUId, () => true);
      const both = kept
        ? await eventually(
            () => attendee(`/me/events/${kept.id}/attachments?$select=name`),
            (r) => names(r).length === 2,
          )
        : null;
      j.control(
        !!both && names(both).join() === 'verify-efter.txt,verify-før.txt',
        `deltageren, der stadig er inviteret, læser begge bilag (${both ? names(both).join(', ') : 'ingen kopi'})`,
      );

      const copy = before ? await copyOf(guest, iCalUId, (c) => c.id === before.id || !!c.isCancelled) : null;
      if (copy) {
        const listed = await guest(`/me/events/${copy.id}/attachments?$select=name`);
        j.expect(
          !names(listed).includes('verify-efter.txt'),
          `gæstens kopi viser ikke det senere bilag (${names(listed).join(', ') || listed.status})`,
        );
        const byId = await guest(`/me/events/${copy.id}/attachments/${laterId}`);
        j.expect(
          byId.status === 404 || byId.status === 403,
          `gæsten får ikke det senere bilag ved id (${byId.status})`,
        );
        const content = await guest(`/me/events/${copy.id}/attachments/${laterId}/$value`);
        j.expect(
          content.status === 404 || content.status === 403,
          `gæsten får ikke indholdet (${content.status})`,
        );
      }
      // The organizer's own event by id, asked by the guest: not hers.
      const theirs = await guest(`/users/${t.person('organizer').upn}/events/${id}/attachments`);
      j.expect(
        !names(theirs).includes('verify-efter.txt'),
        `gæsten læser ikke arrangørens begivenhed (${theirs.status})`,
      );
    } finally {
      await org(`/me/events/${id}`, { method: 'DELETE' });
    }
    return j.verdict();
  },
};

import { randomUUID } from 'node:crypto';
import { badRequest } from '../errors';
import type { Ctx } from '../http';
import { findUser } from './users';
import { attendeesFrom, type GraphEventInput, iso } from './eventInput';
import {
  eventsByIcal,
  NEVER,
  organizerCopy,
  parseEvents,
  randomId,
  saveEvent,
  type StoredEvent,
} from './eventStore';

/* An event changed after it was made: updated (by its organizer, or an attendee's own copy), answered, cancelled. */

/** PATCH: the organizer's change reaches every copy (and invites or uninvites); an attendee changes only her own. */
export function update(ctx: Ctx, e: StoredEvent, input: GraphEventInput): StoredEvent {
  const now = ctx.now().toISOString();
  const changes: Partial<StoredEvent> = { modified: now };
  if (input.subject !== undefined) changes.subject = String(input.subject);
  if (input.body !== undefined)
    changes.body = {
      contentType: input.body.contentType?.toLowerCase() === 'text' ? 'text' : 'html',
      content: input.body.content ?? '',
    };
  if (input.start !== undefined) {
    const { at, zone } = iso(input.start, 'start');
    changes.start = at;
    changes.startTimeZone = zone;
  }
  if (input.end !== undefined) {
    const { at, zone } = iso(input.end, 'end');
    changes.end = at;
    changes.endTimeZone = zone;
  }
  if (input.location !== undefined) changes.location = input.location.displayName ?? '';
  if (!e.isOrganizer) {
    const mine = { ...e, ...changes, type: e.type === 'occurrence' ? 'exception' : e.type } as StoredEvent;
    saveEvent(ctx.db, mine);
    return mine;
  }
  if (input.attendees !== undefined)
    changes.attendees = attendeesFrom(ctx, input.attendees, e.organizer.address, now, e.attendees);
  const updated = { ...e, ...changes, type: e.type === 'occurrence' ? 'exception' : e.type } as StoredEvent;
  ctx.db.transaction(() => {
    saveEvent(ctx.db, updated);
    const copies = eventsByIcal(ctx.db, e.iCalUId).filter((c) => !c.isOrganizer);
    const invited = new Set(updated.attendees.map((a) => a.address));
    for (const copy of copies) {
      if (!invited.has(copy.owner)) {
        saveEvent(ctx.db, { ...copy, isCancelled: true, cancelledAt: now, modified: now });
        continue;
      }
      const { attendees, subject, body, start, end, location, startTimeZone, endTimeZone } = updated;
      saveEvent(ctx.db, {
        ...copy,
        attendees,
        subject,
        body,
        start,
        end,
        startTimeZone,
        endTimeZone,
        location,
        type: updated.type,
        modified: now,
      });
    }
    for (const a of updated.attendees) {
      if (copies.some((c) => c.owner === a.address) || !findUser(ctx.db, a.address)) continue;
      saveEvent(ctx.db, {
        ...updated,
        id: randomId(),
        owner: a.address,
        isOrganizer: false,
        responseStatus: { response: 'notResponded', time: NEVER },
      });
    }
    if (e.type === 'seriesMaster') {
      for (const occ of parseEvents(
        ctx.db
          .prepare(
            "SELECT json FROM events WHERE series_master_id IN (SELECT id FROM events WHERE ical_uid = ?) AND type = 'occurrence'",
          )
          .all(e.iCalUId) as Array<{ json: string }>,
      )) {
        const { subject, body, location } = updated;
        saveEvent(ctx.db, { ...occ, subject, body, location, modified: now });
      }
    }
  })();
  return updated;
}

export function respond(
  ctx: Ctx,
  e: StoredEvent,
  response: 'accepted' | 'tentativelyAccepted' | 'declined',
): void {
  if (e.isOrganizer)
    throw badRequest(
      "Your request can't be completed. You can't respond to a meeting you organized.",
      'ErrorInvalidRequest',
    );
  const now = ctx.now().toISOString();
  const input = (ctx.body ?? {}) as { comment?: string; sendResponse?: boolean };
  ctx.db.transaction(() => {
    saveEvent(ctx.db, { ...e, responseStatus: { response, time: now }, modified: now });
    const org = organizerCopy(ctx.db, e.iCalUId);
    if (org && input.sendResponse !== false) {
      const attendees = org.attendees.map((a) => (a.address === e.owner ? { ...a, response, time: now } : a));
      saveEvent(ctx.db, { ...org, attendees, modified: now });
      for (const copy of eventsByIcal(ctx.db, e.iCalUId).filter((c) => !c.isOrganizer && c.id !== e.id)) {
        saveEvent(ctx.db, { ...copy, attendees });
      }
      if (input.comment) {
        ctx.db.prepare('INSERT INTO mail (id, sender, json, sent) VALUES (?, ?, ?, ?)').run(
          randomUUID(),
          e.owner,
          JSON.stringify({
            kind: 'meetingResponse',
            response,
            comment: input.comment,
            to: org.owner,
            subject: e.subject,
          }),
          now,
        );
      }
    }
  })();
}

export function cancel(ctx: Ctx, e: StoredEvent, comment?: string): void {
  const now = ctx.now().toISOString();
  ctx.db.transaction(() => {
    if (comment !== undefined) {
      const to = e.attendees.map((a) => a.address);
      ctx.db
        .prepare('INSERT INTO mail (id, sender, json, sent) VALUES (?, ?, ?, ?)')
        .run(
          randomUUID(),
          e.owner,
          JSON.stringify({ kind: 'meetingCancellation', comment, to, subject: `Canceled: ${e.subject}` }),
          now,
        );
    }
    const icals = [e.iCalUId];
    if (e.type === 'seriesMaster') {
      for (const r of ctx.db
        .prepare('SELECT DISTINCT ical_uid FROM events WHERE series_master_id = ?')
        .all(e.id) as Array<{ ical_uid: string }>)
        icals.push(r.ical_uid);
    }
    for (const ical of icals) {
      for (const copy of eventsByIcal(ctx.db, ical)) {
        if (copy.isOrganizer) ctx.db.prepare('DELETE FROM events WHERE id = ?').run(copy.id);
        else saveEvent(ctx.db, { ...copy, isCancelled: true, cancelledAt: now, modified: now });
      }
    }
  })();
}

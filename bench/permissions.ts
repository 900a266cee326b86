import { randomUUID } from 'node:crypto';
import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { approveReferat } from '../src/app/referat';
import { assignReferent } from '../src/app/assignReferent';
import { openMeeting } from '../src/app/openMeeting';
import { sendAgenda } from '../src/app/sendAgenda';
import { readConfig } from '../src/config';
import type { AgendaItem } from '../src/domain/agendaItem';
import { planMeetingPermissions } from '../src/domain/meetingScopes';
import { createNodeStack } from '../src/entries/nodeStack';
import type { MeetingPermissions } from '../src/ports/MeetingPermissions';
import { startDemoServer } from '../demo/server';
import { resourceUnits, RuMeter } from './resourceUnits';

const upn = (n: string) => `${n}@kommune.example`;

/**
 * SharePoint permission calls of one meeting's life, measured against the local server through the real
 * adapters: the first "Send dagsorden" (10 items, one guest item, one closed), sending it again
 * unchanged, picking the referent, approving the referat. Scaled to a busy secretariat's year (300
 * meetings) with SharePoint's cost of 5 resource units per permission change.
 */
export async function benchPermissions(): Promise<Record<string, number>> {
  const meter = new RuMeter();
  const server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo', onRequest: meter.observe });
  try {
    const config = readConfig({ GRAPH_BASE_URL: server.url });
    const sofie = createNodeStack({
      config,
      tokens: new DevTokenProvider(server.origin, upn('sofie')),
      me: { upn: upn('sofie'), name: 'Sofie Holm' },
    }).deps;
    let calls = 0;
    const inner: MeetingPermissions = sofie.permissions;
    const counted: MeetingPermissions = {
      apply: async (plan, rows) => {
        const report = await inner.apply(plan, rows);
        calls += report.calls;
        return report;
      },
      removeFolder: async (plan, list) => {
        calls += 1;
        return inner.removeFolder(plan, list);
      },
    };
    const deps = { ...sofie, permissions: counted };
    const start = new Date(Date.now() + 7 * 86400000);
    const token = await new DevTokenProvider(server.origin, upn('sofie')).getToken();
    const created = await fetch(`${server.url}/me/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        subject: 'Rådmandsmøde (bench)',
        start: { dateTime: start.toISOString(), timeZone: 'UTC' },
        end: { dateTime: new Date(start.getTime() + 2 * 3600000).toISOString(), timeZone: 'UTC' },
        attendees: ['anders', 'erik', 'louise', 'mads'].map((n) => ({ emailAddress: { address: upn(n) } })),
      }),
    });
    const event = (await created.json()) as { iCalUId: string };
    if (!event.iCalUId) throw new Error(`could not create the meeting: ${created.status}`);
    const items: AgendaItem[] = Array.from({ length: 10 }, (_v, i) => ({
      id: randomUUID(),
      number: i + 1,
      title: `Punkt ${i + 1}`,
      category: 'Til orientering',
      durationMinutes: 10,
      guests: i === 2 ? [{ upn: upn('kamilla'), name: 'Kamilla Uhd Hansen' }] : [],
      closed: i === 4,
      attachments: [],
    }));
    const ru: Record<string, number> = {};
    const measure = async (name: string, run: () => Promise<unknown>) => {
      calls = 0;
      meter.reset();
      await run();
      // Every SharePoint request of the operation, priced by kind (permission changes and reads at 5).
      ru[`permissionOpRu.${name}`] = resourceUnits(meter.requests());
      return calls;
    };
    let view = await openMeeting(deps, event.iCalUId);
    // Sent before the referent is picked (measured next), so explicitly without one.
    const firstSend = await measure(
      'sendAgendaFirst',
      async () => (view = await sendAgenda(deps, view, items, { withoutReferent: true })),
    );
    const resend = await measure(
      'sendAgendaAgainUnchanged',
      async () => (view = await sendAgenda(deps, view, items, { withoutReferent: true })),
    );
    const referent = await measure(
      'assignReferent',
      async () => (view = await assignReferent(deps, view, { upn: upn('mads'), name: 'Mads Nielsen' })),
    );
    // At the meeting's start the organizer opens it: the rows, and the rights checked against the plan.
    await measure('organizerOpensAtStart', async () => (view = await openMeeting(deps, event.iCalUId)));
    const approve = await measure('approveReferat', async () => (view = await approveReferat(deps, view)));
    const plan = planMeetingPermissions({ meeting: view.meeting, items, approved: false, archive: false });
    const perMeeting = firstSend + referent + approve;
    return {
      ...ru,
      'permissionCalls.sendAgendaFirst': firstSend,
      'permissionCalls.sendAgendaAgainUnchanged': resend,
      'permissionCalls.assignReferent': referent,
      'permissionCalls.approveReferat': approve,
      'permissionCalls.perMeeting': perMeeting,
      'permissionCalls.perYear300Meetings': perMeeting * 300,
      'permissionResourceUnits.perYear300Meetings': perMeeting * 300 * 5,
      'uniqueScopes.perMeeting': plan.unique.length,
      'uniqueScopes.perYear300Meetings': plan.unique.length * 300,
    };
  } finally {
    await server.close();
  }
}

import { randomUUID } from 'node:crypto';
import { DevTokenProvider } from '../src/adapters/auth/devTokenProvider';
import { saveCommitteeSettings } from '../src/app/committee';
import { approveReferat, sendReferatForApproval } from '../src/app/referat';
import { assignReferent } from '../src/app/assignReferent';
import { openMeeting } from '../src/app/openMeeting';
import { sendAgenda } from '../src/app/sendAgenda';
import { readConfig } from '../src/config';
import type { AgendaItem } from '../src/domain/agendaItem';
import type { CommitteeSettings } from '../src/domain/committee/types';
import { planMeetingPermissions } from '../src/domain/meetingScopes';
import { createNodeStack } from '../src/entries/nodeStack';
import type { MeetingPermissions } from '../src/ports/MeetingPermissions';
import { DEMO_COMMITTEE } from '../demo/committee';
import { startDemoServer } from '../demo/server';
import { resourceUnits, RuMeter } from './resourceUnits';

const upn = (n: string) => `${n}@kommune.example`;

/** A municipality's standing committees (Økonomiudvalget and six fagudvalg), about 11 meetings each a year. */
const COMMITTEE_MEETINGS_PER_YEAR = 7 * 11;

/**
 * SharePoint permission calls of one meeting's life, measured against the local server through the real
 * adapters: the first "Send dagsorden" (10 items, one guest item, one closed), sending it again
 * unchanged, picking the referent, approving the referat. Scaled to a busy secretariat's year (300
 * meetings) with SharePoint's cost of 5 resource units per permission change. Then the same for a
 * committee meeting (`permissionCalls.committee.*`): the demo committee (nine members, four standing
 * substitutes, docs/adr/009) set on the meeting before its agenda is sent, the referat sent for signatures
 * by the organizer (the `signing` phase) and approved; scaled to a municipality's committee meetings.
 */
export async function benchPermissions(): Promise<Record<string, number>> {
  const meter = new RuMeter();
  const server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo', onRequest: meter.observe });
  try {
    const ordinary = await meetingLife(server, meter, {});
    const committee = await meetingLife(server, meter, { committee: DEMO_COMMITTEE });
    const perMeeting =
      ordinary.calls.sendAgendaFirst + ordinary.calls.assignReferent + ordinary.calls.approveReferat;
    const c = committee.calls;
    const committeePerMeeting =
      c.saveCommitteeSettings + c.sendAgendaFirst + c.assignReferent + c.sendForSignatures + c.approveReferat;
    const n = COMMITTEE_MEETINGS_PER_YEAR;
    return {
      ...ordinary.ru,
      'permissionCalls.sendAgendaFirst': ordinary.calls.sendAgendaFirst,
      'permissionCalls.sendAgendaAgainUnchanged': ordinary.calls.sendAgendaAgainUnchanged,
      'permissionCalls.assignReferent': ordinary.calls.assignReferent,
      'permissionCalls.approveReferat': ordinary.calls.approveReferat,
      'permissionCalls.perMeeting': perMeeting,
      'permissionCalls.perYear300Meetings': perMeeting * 300,
      'permissionResourceUnits.perYear300Meetings': perMeeting * 300 * 5,
      'uniqueScopes.perMeeting': ordinary.scopes,
      'uniqueScopes.perYear300Meetings': ordinary.scopes * 300,
      ...Object.fromEntries(
        Object.entries(committee.ru).map(([k, v]) => [
          k.replace('permissionOpRu.', 'permissionOpRu.committee.'),
          v,
        ]),
      ),
      ...Object.fromEntries(Object.entries(c).map(([k, v]) => [`permissionCalls.committee.${k}`, v])),
      'permissionCalls.committee.perMeeting': committeePerMeeting,
      [`permissionCalls.committee.perYear${n}Meetings`]: committeePerMeeting * n,
      [`permissionResourceUnits.committee.perYear${n}Meetings`]: committeePerMeeting * n * 5,
      'uniqueScopes.committee.perMeeting': committee.scopes,
      [`uniqueScopes.committee.perYear${n}Meetings`]: committee.scopes * n,
    };
  } finally {
    await server.close();
  }
}

/** One meeting's life as its organizer (Sofie) lives it; the permission calls and RU of each step. */
async function meetingLife(
  server: { url: string; origin: string },
  meter: RuMeter,
  { committee }: { committee?: CommitteeSettings },
): Promise<{ calls: Record<string, number>; ru: Record<string, number>; scopes: number }> {
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
  const people = committee
    ? [
        ...new Set([
          ...committee.members.flatMap((m) => [m.person.upn, ...(m.substitute ? [m.substitute.upn] : [])]),
          upn('mads'),
        ]),
      ]
    : ['anders', 'erik', 'louise', 'mads'].map(upn);
  const created = await fetch(`${server.url}/me/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      subject: committee ? `${committee.committeeName} (bench)` : 'Rådmandsmøde (bench)',
      start: { dateTime: start.toISOString(), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + 2 * 3600000).toISOString(), timeZone: 'UTC' },
      attendees: people.map((address) => ({ emailAddress: { address } })),
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
  const out: Record<string, number> = {};
  const measure = async (name: string, run: () => Promise<unknown>) => {
    calls = 0;
    meter.reset();
    await run();
    // Every SharePoint request of the operation, priced by kind (permission changes and reads at 5).
    ru[`permissionOpRu.${name}`] = resourceUnits(meter.requests());
    out[name] = calls;
  };
  let view = await openMeeting(deps, event.iCalUId);
  // A committee is set on the meeting before its agenda goes out (its member folders come with it).
  if (committee)
    await measure(
      'saveCommitteeSettings',
      async () => (view = await saveCommitteeSettings(deps, view, committee)),
    );
  // Sent before the referent is picked (measured next), so explicitly without one.
  await measure(
    'sendAgendaFirst',
    async () => (view = await sendAgenda(deps, view, items, { withoutReferent: true })),
  );
  await measure(
    'sendAgendaAgainUnchanged',
    async () => (view = await sendAgenda(deps, view, items, { withoutReferent: true })),
  );
  await measure(
    'assignReferent',
    async () => (view = await assignReferent(deps, view, { upn: upn('mads'), name: 'Mads Nielsen' })),
  );
  // At the meeting's start the organizer opens it: the rows, and the rights checked against the plan.
  await measure('organizerOpensAtStart', async () => (view = await openMeeting(deps, event.iCalUId)));
  // A committee's protocol goes out for signatures (the organizer sends it: the `signing` phase at once).
  if (committee)
    await measure('sendForSignatures', async () => (view = await sendReferatForApproval(deps, view)));
  await measure('approveReferat', async () => (view = await approveReferat(deps, view)));
  const plan = planMeetingPermissions({ meeting: view.meeting, items, approved: false, archive: false });
  return { calls: out, ru, scopes: plan.unique.length };
}

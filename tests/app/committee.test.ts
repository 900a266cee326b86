import { MemoryCalendar } from '../../src/adapters/memory/memoryCalendar';
import { MemoryListStore } from '../../src/adapters/memory/memoryListStore';
import { MemoryOutbox } from '../../src/adapters/memory/memoryOutbox';
import { MemoryPermissions } from '../../src/adapters/memory/memoryPermissions';
import { assignReferent } from '../../src/app/assignReferent';
import {
  addTilfoersel,
  agendaLateness,
  decideInhabilitet,
  declareInhabilitet,
  openCommittee,
  ONLY_ORGANIZER_PUBLISHES,
  ONLY_ORGANIZER_REMINDS,
  ONLY_OWN_STATEMENT,
  ONLY_WRITERS_RECORD,
  newProtocolVersion,
  ONLY_ORGANIZER_VERSIONS,
  presentAt,
  recordAttendance,
  recordVote,
  referatCommitteeOf,
  remindUnsigned,
  setPublication,
  signProtocol,
  unsigned,
} from '../../src/app/committee';
import type { AppDeps } from '../../src/app/deps';
import { openMeeting } from '../../src/app/openMeeting';
import { referatOf, sendReferatForApproval } from '../../src/app/referat';
import { registerAbsence } from '../../src/app/registerAbsence';
import { sendAgenda } from '../../src/app/sendAgenda';
import { syncMeetingPermissions } from '../../src/app/syncMeetingPermissions';
import type { CommitteeSettings } from '../../src/domain/committee/types';
import { renderReferatText } from '../../src/i18n/referat';
import type { Person } from '../../src/domain/person';
import type { MailMessage } from '../../src/ports/Mailer';
import { Conflict, Offline, Throttled, Unavailable } from '../../src/ports/errors';
import type { ListStore } from '../../src/ports/ListStore';
import { KEY, people, seedEvent, seedItems } from './fixtures';

const COMMITTEE: CommitteeSettings = {
  kind: 'Udvalgsmøde',
  committeeName: 'Social- og Beskæftigelsesudvalget',
  members: [
    { person: people.anders, party: 'A', substitute: people.kamilla },
    { person: people.erik, party: 'V' },
    { person: people.louise, party: 'Ø' },
  ],
  agendaDeadlineWorkingDays: 4,
};

/** One calendar and one set of lists, each person acting as themselves (the trust rules need authors). */
function committeeWorld() {
  const state = MemoryCalendar.emptyState();
  const event = seedEvent();
  state.events.push({
    ...event,
    attendees: [...event.attendees, { ...people.kamilla, response: 'notResponded' as const }],
  });
  const lists = new MemoryListStore();
  const permissions = new MemoryPermissions();
  const sent: MailMessage[] = [];
  let t = Date.parse('2024-02-20T10:00:00.000Z');
  const clock = { now: () => new Date((t += 1000)).toISOString() };
  const as = (me: Person): AppDeps => ({
    me,
    calendar: new MemoryCalendar(state, me.upn),
    lists: lists.as(me.upn),
    permissions: permissions.as(me.upn),
    outbox: new MemoryOutbox(),
    clock,
    mailer: { send: async (m) => void sent.push(m) },
  });
  return { as, sent, permissions };
}

async function heldCommitteeMeeting() {
  const w = committeeWorld();
  const sofie = w.as(people.sofie);
  let view = await openMeeting(sofie, KEY);
  view = await assignReferent(sofie, view, people.mads);
  await sendAgenda(sofie, { ...view, meeting: { ...view.meeting, committee: COMMITTEE } }, seedItems());
  const anders = w.as(people.anders);
  await registerAbsence(anders, await openMeeting(anders, KEY), {
    kind: 'Afbud',
    substitute: people.kamilla.name,
  });
  const open = async (who: Person) => {
    const deps = w.as(who);
    const v = await openMeeting(deps, KEY);
    return { deps, view: v, committee: await openCommittee(deps, v) };
  };
  return { w, open };
}

const tilfoerselError = (p: Promise<unknown>) =>
  p.then(
    () => 'saved',
    (e: { details?: { code?: string }; kind?: string }) => e.details?.code ?? e.kind,
  );

test("a member's afbud calls in the substitute, who counts as present and votes in the member's place", async () => {
  const { open } = await heldCommitteeMeeting();
  const { deps, view, committee } = await open(people.mads);
  expect(committee.attendance.map((p) => [p.name, p.asSubstituteFor?.name])).toEqual([
    [people.kamilla.name, people.anders.name],
    [people.erik.name, undefined],
    [people.louise.name, undefined],
  ]);
  const voted = await recordVote(deps, view, committee, 3, {
    [people.kamilla.upn]: 'For',
    [people.erik.upn]: 'Imod',
    [people.louise.upn]: 'For',
  });
  expect(voted.record.votes.map((v) => v.itemNumber)).toEqual([3]);
  await expect(recordVote(deps, view, voted, 4, { [people.anders.upn]: 'For' })).rejects.toMatchObject({
    details: { code: 'voteNotParticipant' },
  });
});

test('the committee gets its own folders: the referent writes its decisions, every member her statements in her own folder', async () => {
  const { w } = await heldCommitteeMeeting();
  // Every member of the circle person by person (no group): the members read, the referent writes.
  const members = w.permissions
    .circleOf(KEY)
    .filter((u) => u !== 'sofie@kommune.example' && u !== 'mads@kommune.example');
  expect(members).toContain(people.kamilla.upn);
  expect(w.permissions.scopeOf(KEY, { kind: 'meetingFolder', list: 'CommitteeDecisions' })).toEqual(
    [
      ...members.map((u) => `user:${u}=Read`),
      'user:mads@kommune.example=Contribute',
      'user:sofie@kommune.example=Full Control',
    ].sort(),
  );
  // The statements' meeting folder: the organizer's and the referent's; each member (and standing
  // substitute) writes her own folder inside it, which the circle reads.
  expect(w.permissions.scopeOf(KEY, { kind: 'meetingFolder', list: 'CommitteeStatements' })).toEqual(
    [
      ...members.map((u) => `user:${u}=Read`),
      'user:mads@kommune.example=Contribute',
      'user:sofie@kommune.example=Full Control',
    ].sort(),
  );
  for (const seat of [people.anders, people.kamilla, people.erik, people.louise])
    expect(
      w.permissions.scopeOf(KEY, { kind: 'personFolder', list: 'CommitteeStatements', upn: seat.upn }),
    ).toEqual(
      [
        ...members.filter((u) => u !== seat.upn).map((u) => `user:${u}=Read`),
        `user:${seat.upn}=Contribute`,
        'user:mads@kommune.example=Read',
        'user:sofie@kommune.example=Full Control',
      ].sort(),
    );
  expect(w.permissions.circleOf(KEY)).toContain(people.kamilla.upn);
});

test('a late arrival is away during the item only, and an inhabil member cannot vote on it', async () => {
  const { open } = await heldCommitteeMeeting();
  const erik = await open(people.erik);
  await declareInhabilitet(erik.deps, erik.view, {
    itemNumber: 4,
    reason: 'Min ægtefælle er ansat i enheden.',
  });
  const { deps, view } = await open(people.mads);
  let committee = await recordAttendance(deps, view, 3, [people.louise.upn]);
  expect(presentAt(view, committee, 3).map((p) => p.name)).toEqual([people.kamilla.name, people.erik.name]);
  expect(presentAt(view, committee, 4).map((p) => p.name)).toContain(people.louise.name);
  expect(committee.record.inhabilitet.map((i) => i.decision)).toEqual(['Afventer']);
  committee = await decideInhabilitet(deps, view, {
    itemNumber: 4,
    member: people.erik.upn,
    reason: 'Min ægtefælle er ansat i enheden.',
    decision: 'Inhabil',
  });
  await expect(
    recordVote(deps, view, committee, 4, { [people.erik.upn]: 'Imod', [people.louise.upn]: 'For' }),
  ).rejects.toMatchObject({ details: { code: 'voteInhabil' } });
  const text = renderReferatText(referatOf(view, 'members', 'da', referatCommitteeOf(view, committee)));
  expect(text).toContain(
    `${people.erik.name} deltog ikke i behandlingen af punktet på grund af inhabilitet.`,
  );
  expect(text).toContain(`Fraværende under punktet: ${people.louise.name}`);
});

test("a member declares inhabilitet for herself; the referent sees it waiting and records the committee's decision", async () => {
  const { w, open } = await heldCommitteeMeeting();
  const louise = await open(people.louise);
  await expect(
    declareInhabilitet(louise.deps, louise.view, { itemNumber: 3, member: people.erik.upn, reason: 'x' }),
  ).rejects.toThrow(ONLY_OWN_STATEMENT);
  await expect(
    declareInhabilitet(louise.deps, louise.view, { itemNumber: 3, reason: ' ' }),
  ).rejects.toMatchObject({ details: { code: 'inhabilitetNoReason' } });
  const declared = await declareInhabilitet(louise.deps, louise.view, {
    itemNumber: 3,
    reason: 'Min bror driver det bosted, sagen handler om.',
  });
  expect(declared.record.inhabilitet.map((i) => [i.member, i.decision, i.reason])).toEqual([
    [people.louise.upn, 'Afventer', 'Min bror driver det bosted, sagen handler om.'],
  ]);
  // Her own row among the statements: a member writes nothing in the committee's decisions.
  const rows = await w.as(people.sofie).lists.readCommittee(KEY);
  expect(rows.declarations.map((d) => [d.value.member, d.modifiedBy])).toEqual([
    [people.louise.upn, people.louise.upn],
  ]);
  expect(rows.inhabilitet).toEqual([]);

  const mads = await open(people.mads);
  expect(mads.committee.record.inhabilitet.map((i) => i.decision)).toEqual(['Afventer']);
  const decided = await decideInhabilitet(mads.deps, mads.view, {
    itemNumber: 3,
    member: people.louise.upn,
    reason: 'Nærtstående driver bostedet.',
    decision: 'Inhabil',
  });
  const [entry] = decided.record.inhabilitet;
  expect([entry.decision, entry.reason, entry.declaration?.reason]).toEqual([
    'Inhabil',
    'Nærtstående driver bostedet.',
    'Min bror driver det bosted, sagen handler om.',
  ]);
  expect(presentAt(mads.view, decided, 3).map((p) => p.name)).toContain(people.louise.name);
  await expect(
    recordVote(mads.deps, mads.view, decided, 3, { [people.louise.upn]: 'For' }),
  ).rejects.toMatchObject({ details: { code: 'voteInhabil' } });
  // The member sees the same record: decided, no longer waiting.
  const again = await open(people.louise);
  expect(again.committee.record.inhabilitet.map((i) => [i.member, i.decision])).toEqual([
    [people.louise.upn, 'Inhabil'],
  ]);
});

test('a closed item in the public protocol: "Lukket punkt" without decision, its title and its decision only as the organizer marks them', async () => {
  const { w, open } = await heldCommitteeMeeting();
  const madsDeps = w.as(people.mads);
  await madsDeps.lists.saveDecision(KEY, {
    itemNumber: 5,
    itemTitle: 'Status på gentænkningen af det kriminalpræventive område i MSB',
    text: 'Udvalget godkendte den fortrolige indstilling.',
    status: 'Endelig',
    editorUpn: people.mads.upn,
    updatedAt: '2024-02-20T10:30:00.000Z',
  });
  const publicText = async () => {
    const { view, committee } = await open(people.sofie);
    return renderReferatText(referatOf(view, 'public', 'da', referatCommitteeOf(view, committee)));
  };
  const title = 'Status på gentænkningen af det kriminalpræventive område i MSB';
  const decision = 'Udvalget godkendte den fortrolige indstilling.';
  let text = await publicText();
  expect(text).toContain('Punkt 5: Lukket punkt');
  expect(text).not.toContain(title);
  expect(text).not.toContain(decision);

  const sofie = await open(people.sofie);
  const committee = await setPublication(sofie.deps, sofie.view, {
    itemNumber: 5,
    publishTitle: true,
    publishDecision: false,
  });
  expect(committee.record.publication).toEqual([
    { itemNumber: 5, publishTitle: true, publishDecision: false },
  ]);
  text = await publicText();
  expect(text).toContain(title);
  expect(text).not.toContain('Punkt 5: Lukket punkt');
  expect(text).not.toContain(decision);

  await setPublication(sofie.deps, sofie.view, {
    itemNumber: 5,
    publishTitle: false,
    publishDecision: true,
  });
  text = await publicText();
  expect(text).toContain('Punkt 5: Lukket punkt');
  expect(text).not.toContain(title);
  expect(text).toContain(decision);
  // One row per item, read back by every reader of the record.
  expect((await w.as(people.erik).lists.readCommittee(KEY)).publication).toHaveLength(1);

  const mads = await open(people.mads);
  await expect(
    setPublication(mads.deps, mads.view, { itemNumber: 5, publishTitle: true, publishDecision: true }),
  ).rejects.toThrow(ONLY_ORGANIZER_PUBLISHES);
  await expect(
    setPublication(sofie.deps, sofie.view, { itemNumber: 3, publishTitle: true, publishDecision: true }),
  ).rejects.toMatchObject({ details: { code: 'publicationNotClosed' } });
});

test('only the organizer and the referent record attendance, votes and decisions on inhabilitet', async () => {
  const { open } = await heldCommitteeMeeting();
  const { deps, view, committee } = await open(people.erik);
  await expect(recordAttendance(deps, view, 3, [])).rejects.toThrow(ONLY_WRITERS_RECORD);
  await expect(recordVote(deps, view, committee, 3, { [people.erik.upn]: 'For' })).rejects.toThrow(
    ONLY_WRITERS_RECORD,
  );
  await expect(
    decideInhabilitet(deps, view, {
      itemNumber: 3,
      member: people.erik.upn,
      reason: 'x',
      decision: 'Ikke inhabil',
    }),
  ).rejects.toThrow(ONLY_WRITERS_RECORD);
});

test('a protokoltilførsel only from one who voted against or abstained; a member writes only their own', async () => {
  const { open } = await heldCommitteeMeeting();
  const mads = await open(people.mads);
  await recordVote(mads.deps, mads.view, mads.committee, 3, {
    [people.kamilla.upn]: 'For',
    [people.erik.upn]: 'Imod',
    [people.louise.upn]: 'Undlod',
  });
  const erik = await open(people.erik);
  const kamilla = await open(people.kamilla);
  expect(
    await tilfoerselError(
      addTilfoersel(kamilla.deps, kamilla.view, kamilla.committee, { itemNumber: 3, text: 'Enig.' }),
    ),
  ).toBe('tilfoerselVotedFor');
  expect(
    await tilfoerselError(
      addTilfoersel(erik.deps, erik.view, erik.committee, { itemNumber: 4, text: 'Imod.' }),
    ),
  ).toBe('tilfoerselNoVote');
  await expect(
    addTilfoersel(erik.deps, erik.view, erik.committee, {
      itemNumber: 3,
      member: people.louise.upn,
      text: 'x',
    }),
  ).rejects.toThrow(ONLY_OWN_STATEMENT);
  await addTilfoersel(erik.deps, erik.view, erik.committee, {
    itemNumber: 3,
    text: 'Venstre finder det for dyrt.',
  });
  // The referent types Louise's statement for her.
  const after = await addTilfoersel(mads.deps, mads.view, (await open(people.mads)).committee, {
    itemNumber: 3,
    member: people.louise.upn,
    text: 'Enhedslisten afventer høringen.',
  });
  expect(after.record.tilfoersler.map((t) => [t.member, t.text])).toEqual([
    [people.erik.upn, 'Venstre finder det for dyrt.'],
    [people.louise.upn, 'Enhedslisten afventer høringen.'],
  ]);
  const text = renderReferatText(referatOf(mads.view, 'members', 'da', referatCommitteeOf(mads.view, after)));
  expect(text).toContain(
    `${people.erik.name} ønskede følgende ført til protokol: Venstre finder det for dyrt.`,
  );
  expect(text).toContain(`Imod stemte: ${people.erik.name} (1)`);
  expect(text).toContain('Resultat: Forkastet');
});

test('every present member signs once signing is open; a correction after signing makes a new version only through the organizer', async () => {
  const { open, w } = await heldCommitteeMeeting();
  // Before the referent sends the protocol and the organizer's page opens it, nobody can sign.
  const early = await open(people.erik);
  expect(early.committee.signingOpen).toBe(false);
  expect(await tilfoerselError(signProtocol(early.deps, early.view, early.committee))).toBe('signNotOpen');
  const sent = await open(people.mads);
  await sendReferatForApproval(sent.deps, sent.view);
  expect((await open(people.erik)).committee.signingOpen).toBe(false);
  const opened = await open(people.sofie);
  expect(opened.committee.signingOpen).toBe(true);
  expect(opened.committee.opening).toEqual({ version: 1, checksum: opened.committee.checksum });
  for (const who of [people.kamilla, people.erik]) {
    const m = await open(who);
    await signProtocol(m.deps, m.view, m.committee);
  }
  const anders = await open(people.anders);
  expect(await tilfoerselError(signProtocol(anders.deps, anders.view, anders.committee))).toBe(
    'signNotPresent',
  );
  const sofie = await open(people.sofie);
  expect(unsigned(sofie.committee).map((p) => p.name)).toEqual([people.louise.name]);
  expect((await remindUnsigned(sofie.deps, sofie.view, sofie.committee)).map((p) => p.upn)).toEqual([
    people.louise.upn,
  ]);
  expect(w.sent.map((m) => m.to.map((t) => t.upn))).toEqual([[people.louise.upn]]);
  const mads = await open(people.mads);
  await expect(remindUnsigned(mads.deps, mads.view, mads.committee)).rejects.toThrow(ONLY_ORGANIZER_REMINDS);
  const louise = await open(people.louise);
  const signed = await signProtocol(louise.deps, louise.view, louise.committee);
  expect(unsigned(signed)).toEqual([]);
  expect(signed.record.version).toBe(1);
  const text = renderReferatText(
    referatOf(mads.view, 'members', 'da', referatCommitteeOf(mads.view, signed)),
  );
  expect(text).toContain(`Protokolversion 1, kontrolsum ${signed.checksum}`);
  expect(text).toMatch(/Underskrevet af: Kamilla Uhd Hansen \(20-02-2024 \d\d:\d\d\), Erik/);

  // The organizer corrects a decision: signing stops (the text no longer has the opened checksum) until
  // she makes a new version; the signed text is then history and version 2 waits for new signatures.
  await sofie.deps.lists.saveDecision(KEY, {
    itemNumber: 3,
    itemTitle: 'Budgettemadrøftelser',
    text: 'Rettet efter underskrift.',
    status: 'Endelig',
    editorUpn: people.sofie.upn,
    updatedAt: '2024-02-21T09:00:00.000Z',
  });
  const changed = await open(people.sofie);
  expect(changed.committee.record.version).toBe(1);
  expect(changed.committee.signingOpen).toBe(false);
  await expect(newProtocolVersion(mads.deps, (await open(people.mads)).view)).rejects.toThrow(
    ONLY_ORGANIZER_VERSIONS,
  );
  const again = await newProtocolVersion(changed.deps, changed.view);
  expect(again.record.version).toBe(2);
  expect(again.signingOpen).toBe(true);
  expect(again.record.signatures).toEqual([]);
  expect(again.record.history.map((h) => [h.version, h.checksum, h.signatures.length])).toEqual([
    [1, signed.checksum, 3],
  ]);
  expect(again.checksum).not.toBe(signed.checksum);
  // A page still showing the old text cannot sign it.
  expect(await tilfoerselError(signProtocol(louise.deps, louise.view, louise.committee))).toBe('signStale');
  const fresh = await open(people.louise);
  const resigned = await signProtocol(fresh.deps, fresh.view, fresh.committee);
  expect(resigned.record.signatures.map((s) => [s.member, s.version])).toEqual([[people.louise.upn, 2]]);
});

test('"Send dagsorden" after the deadline says by how much; in time it says nothing', () => {
  const meeting = { start: '2024-02-20T10:00:00.000Z', committee: COMMITTEE };
  // Tuesday's meeting, 4 working days: the agenda is due by the end of Wednesday 14-02.
  expect(agendaLateness(meeting, '2024-02-14T12:00:00.000Z')).toBeUndefined();
  expect(agendaLateness(meeting, '2024-02-16T09:00:00.000Z')).toEqual({
    deadline: '2024-02-14T23:00:00.000Z',
    workingDays: 2,
    hours: 34,
  });
  expect(agendaLateness({ ...meeting, committee: undefined }, '2024-02-19T09:00:00.000Z')).toBeUndefined();
});

test('setting a meeting up as a committee keeps the setting on its row', async () => {
  const { open } = await heldCommitteeMeeting();
  const sofie = await open(people.sofie);
  const synced = await syncMeetingPermissions(sofie.deps, sofie.view);
  expect(synced.meeting.committee).toEqual(COMMITTEE);
  expect((await open(people.erik)).view.meeting.committee).toEqual(COMMITTEE);
});

/**
 * The organizer's page with the Meetings row's write failing on demand (only the naming of an opening), and
 * a count of the openings it writes. One outbox, as one browser profile has.
 */
function organizerWithFailingNaming(deps: AppDeps) {
  const state = { failure: null as null | (() => Error), openingsWritten: 0 };
  const lists = new Proxy(deps.lists, {
    get(target, name, receiver) {
      if (name === 'nameProtocolOpening')
        return (...args: Parameters<ListStore['nameProtocolOpening']>) => {
          if (state.failure) return Promise.reject(state.failure());
          return target.nameProtocolOpening(...args);
        };
      if (name === 'saveCommitteeEntry')
        return (...args: Parameters<ListStore['saveCommitteeEntry']>) => {
          if (args[1].kind === 'opening') state.openingsWritten += 1;
          return target.saveCommitteeEntry(...args);
        };
      const value = Reflect.get(target, name, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { deps: { ...deps, lists, outbox: new MemoryOutbox() } as AppDeps, state };
}

test.each([
  ['offline', () => new Offline('offline')],
  ['429', () => new Throttled('throttled', { status: 429, retryAfterMs: 1000 })],
  ['503', () => new Unavailable('unavailable', { status: 503 })],
  ['an eTag conflict', () => new Conflict('changed', { status: 412, code: 'resourceModified' })],
])(
  "an opening whose naming on the Meetings row fails (%s) does not count: nobody can sign until the organizer's page names it on its next read, with no second opening written",
  async (_case, failure) => {
    const { open, w } = await heldCommitteeMeeting();
    const sent = await open(people.mads);
    await sendReferatForApproval(sent.deps, sent.view);
    const sofie = organizerWithFailingNaming(w.as(people.sofie));
    sofie.state.failure = failure;
    const view = await openMeeting(sofie.deps, KEY);
    const first = await openCommittee(sofie.deps, view);
    expect(sofie.state.openingsWritten).toBe(1);
    expect(first.openingPending).toBe(true);
    expect(first.signingOpen).toBe(false);
    expect(first.opening).toBeUndefined();
    expect(first.meetingRow).toBeUndefined();
    expect(first.record.signatures).toEqual([]);
    // Everyone else's page: nothing is open, and a signature is refused before anything is written.
    const erik = await open(people.erik);
    expect([erik.committee.signingOpen, erik.committee.opening]).toEqual([false, undefined]);
    expect(await tilfoerselError(signProtocol(erik.deps, erik.view, erik.committee))).toBe('signNotOpen');
    // Still failing: the page's next read tries the naming again and writes no second opening.
    const second = await openCommittee(sofie.deps, view);
    expect([second.openingPending, second.signingOpen, sofie.state.openingsWritten]).toEqual([
      true,
      false,
      1,
    ]);
    // The Meetings row takes writes again: the next read completes the opening it wrote, and it counts.
    sofie.state.failure = null;
    const done = await openCommittee(sofie.deps, view);
    expect(sofie.state.openingsWritten).toBe(1);
    expect(done.openingPending).toBeUndefined();
    expect(done.signingOpen).toBe(true);
    expect(done.opening).toEqual({ version: 1, checksum: done.checksum });
    expect(done.meetingRow?.value.protocolOpenings).toHaveLength(1);
    expect(await sofie.deps.outbox.list()).toEqual([]);
    // The page's view takes the row's new eTag: its next write of the Meetings row is not refused as stale.
    await expect(sofie.deps.lists.saveMeeting(view.meeting, view.meetingETag)).rejects.toBeInstanceOf(
      Conflict,
    );
    await sofie.deps.lists.saveMeeting(view.meeting, done.meetingRow!.eTag);
    const signer = await open(people.erik);
    expect(signer.committee.signingOpen).toBe(true);
    await signProtocol(signer.deps, signer.view, signer.committee);
    expect((await open(people.louise)).committee.record.signatures.map((x) => x.member)).toEqual([
      people.erik.upn,
    ]);

    // "Ny version" whose naming fails: version 1 and its signature stay what counts; the second click
    // completes the version the first one wrote instead of writing another.
    await sofie.deps.lists.saveDecision(KEY, {
      itemNumber: 3,
      itemTitle: 'Budgettemadrøftelser',
      text: 'Rettet efter underskrift.',
      status: 'Endelig',
      editorUpn: people.sofie.upn,
      updatedAt: '2024-02-21T09:00:00.000Z',
    });
    sofie.state.failure = failure;
    const changed = await openMeeting(sofie.deps, KEY);
    const pending = await newProtocolVersion(sofie.deps, changed);
    expect([pending.openingPending, pending.record.version, sofie.state.openingsWritten]).toEqual([
      true,
      1,
      2,
    ]);
    expect(pending.record.signatures.map((x) => x.member)).toEqual([people.erik.upn]);
    expect((await open(people.louise)).committee.record.version).toBe(1);
    sofie.state.failure = null;
    const v2 = await newProtocolVersion(sofie.deps, changed);
    expect([v2.record.version, v2.signingOpen, sofie.state.openingsWritten]).toEqual([2, true, 2]);
    expect(v2.record.history.map((h) => [h.version, h.signatures.length])).toEqual([[1, 1]]);
    expect((await open(people.louise)).committee.record.version).toBe(2);
  },
);

test("an opening left unnamed on one computer is not named after the organizer's page on another computer opened that version: no version twice", async () => {
  const { open, w } = await heldCommitteeMeeting();
  const sent = await open(people.mads);
  await sendReferatForApproval(sent.deps, sent.view);
  const laptop = organizerWithFailingNaming(w.as(people.sofie));
  laptop.state.failure = () => new Offline('offline');
  expect((await openCommittee(laptop.deps, await openMeeting(laptop.deps, KEY))).openingPending).toBe(true);
  // Her other computer (its own outbox) finds no opening that counts, writes one and names it.
  const desktop = await open(people.sofie);
  expect([desktop.committee.signingOpen, desktop.committee.record.version]).toEqual([true, 1]);
  laptop.state.failure = null;
  const back = await openCommittee(laptop.deps, await openMeeting(laptop.deps, KEY));
  expect(back.openingPending).toBeUndefined();
  expect(await laptop.deps.outbox.list()).toEqual([]);
  expect(back.record.version).toBe(1);
  expect(back.record.history).toEqual([]);
  const row = (await desktop.deps.lists.readMeeting(KEY)).meeting!;
  expect(row.value.protocolOpenings).toHaveLength(1);
});

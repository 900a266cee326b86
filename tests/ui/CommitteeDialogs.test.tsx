/** @jest-environment jsdom */
/**
 * The committee's dialogs as the referent and a member use them, by role and label: the vote, inhabilitet
 * and protokoltilførsel under an item, a member's own declaration of inhabilitet and the referent's decision
 * on it, the organizer's publication choice for a closed item, signing after the meeting, the organizer's
 * reminder; refusals say why in words and keep the dialog open; axe finds nothing in the open dialogs.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import axe from 'axe-core';
import { MemoryCalendar } from '../../src/adapters/memory/memoryCalendar';
import { MemoryListStore } from '../../src/adapters/memory/memoryListStore';
import { MemoryOutbox } from '../../src/adapters/memory/memoryOutbox';
import { MemoryPermissions } from '../../src/adapters/memory/memoryPermissions';
import { assignReferent } from '../../src/app/assignReferent';
import { declareInhabilitet, openCommittee } from '../../src/app/committee';
import type { AppDeps } from '../../src/app/deps';
import { openMeeting, type MeetingView } from '../../src/app/openMeeting';
import { sendReferatForApproval } from '../../src/app/referat';
import { registerAbsence } from '../../src/app/registerAbsence';
import { sendAgenda } from '../../src/app/sendAgenda';
import type { CommitteeSettings } from '../../src/domain/committee/types';
import type { Person } from '../../src/domain/person';
import type { MailMessage } from '../../src/ports/Mailer';
import { Unavailable } from '../../src/ports/errors';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { CommitteeItemActions } from '../../src/ui/components/Committee/CommitteeItemActions';
import { SignProtocol } from '../../src/ui/components/Committee/SignProtocol';
import { useCommittee } from '../../src/ui/components/Committee/useCommittee';
import { KEY, people, seedEvent, seedItems } from '../app/fixtures';

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

/**
 * `addressesOnly`: rows written with the address where the name belongs, as a script or a client without the
 * person's name writes them: Anders's afbud, and Louise in the committee's member list.
 */
async function committeeMeeting({ addressesOnly = false } = {}) {
  const state = MemoryCalendar.emptyState();
  const event = seedEvent();
  state.events.push({
    ...event,
    attendees: [...event.attendees, { ...people.kamilla, response: 'notResponded' }],
  });
  const lists = new MemoryListStore();
  const permissions = new MemoryPermissions();
  const sent: MailMessage[] = [];
  let t = Date.parse('2024-02-20T10:00:00.000Z');
  const as = (me: Person): AppDeps => ({
    me,
    calendar: new MemoryCalendar(state, me.upn),
    lists: lists.as(me.upn),
    permissions: permissions.as(me.upn),
    outbox: new MemoryOutbox(),
    clock: { now: () => new Date((t += 1000)).toISOString() },
    mailer: { send: async (m) => void sent.push(m) },
  });
  const sofie = as(people.sofie);
  const view = await assignReferent(sofie, await openMeeting(sofie, KEY), people.mads);
  const committee: CommitteeSettings = addressesOnly
    ? {
        ...COMMITTEE,
        members: COMMITTEE.members.map((m) =>
          m.person.upn === people.louise.upn ? { ...m, person: { ...m.person, name: m.person.upn } } : m,
        ),
      }
    : COMMITTEE;
  await sendAgenda(sofie, { ...view, meeting: { ...view.meeting, committee } }, seedItems());
  const anders = as(addressesOnly ? { ...people.anders, name: people.anders.upn } : people.anders);
  await registerAbsence(anders, await openMeeting(anders, KEY), { kind: 'Afbud' });
  /** The referent sends the protocol for approval; the organizer's page freezes it and opens signing. */
  const outForSignatures = async () => {
    const mads = as(people.mads);
    await sendReferatForApproval(mads, await openMeeting(mads, KEY));
    await openCommittee(sofie, await openMeeting(sofie, KEY));
  };
  return { as, sent, lists, outForSignatures };
}

function Harness({ deps, view, item }: { deps: AppDeps; view: MeetingView; item: number }) {
  const state = useCommittee(deps, view);
  return (
    <>
      <CommitteeItemActions deps={deps} view={view} state={state} itemNumber={item} />
      <SignProtocol deps={deps} view={view} state={state} />
    </>
  );
}

async function show(deps: AppDeps, ended = false, item = 3) {
  const view = await openMeeting(deps, KEY);
  const shown = ended ? { ...view, meeting: { ...view.meeting, status: 'Afsluttet' as const } } : view;
  render(
    <AppShell theme="contrast" locale="da">
      <Harness deps={deps} view={shown} item={item} />
    </AppShell>,
  );
}

async function noAxeViolations() {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

test('the referent records a vote: one radio group per member taking part, the substitute in the place of the absent', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting();
  await show(w.as(people.mads));
  await user.click(await screen.findByRole('button', { name: 'Afstemning om punkt 3' }));
  const dialog = await screen.findByRole('dialog', { name: 'Afstemning om punkt 3' });
  // In member-list order; Anders sent afbud, so Kamilla (his substitute) votes in his place.
  const groups = await within(dialog).findAllByRole('radiogroup');
  expect(groups).toHaveLength(3);
  for (const [i, name] of [people.kamilla.name, people.erik.name, people.louise.name].entries())
    expect(within(dialog).getByRole('radiogroup', { name })).toBe(groups[i]);
  await noAxeViolations();
  const group = (name: string) => within(dialog).getByRole('radiogroup', { name });
  await user.click(within(group(people.kamilla.name)).getByRole('radio', { name: 'For' }));
  await user.click(within(group(people.erik.name)).getByRole('radio', { name: 'Imod' }));
  await user.click(within(group(people.louise.name)).getByRole('radio', { name: 'Undlod' }));
  await user.click(within(dialog).getByRole('button', { name: 'Gem afstemning' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  const record = await w.lists.readCommittee(KEY);
  expect(record.votes.map((v) => v.value.choices)).toEqual([
    { [people.kamilla.upn]: 'For', [people.erik.upn]: 'Imod', [people.louise.upn]: 'Undlod' },
  ]);
});

test('inhabilitet: member, reason and decision; the inhabil member is no longer asked to vote', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting();
  await show(w.as(people.mads), false, 4);
  await user.click(await screen.findByRole('button', { name: 'Inhabilitet på punkt 4' }));
  const dialog = await screen.findByRole('dialog', { name: 'Inhabilitet på punkt 4' });
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Medlem' }), people.erik.name);
  // Without a reason the dialog stays open and says why.
  await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
  expect(await within(dialog).findByRole('alert')).toHaveProperty(
    'textContent',
    'Skriv begrundelsen for inhabiliteten.',
  );
  await user.type(within(dialog).getByRole('textbox', { name: 'Begrundelse' }), 'Ægtefælle ansat i enheden');
  await noAxeViolations();
  await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  await user.click(await screen.findByRole('button', { name: 'Afstemning om punkt 4' }));
  const vote = await screen.findByRole('dialog', { name: 'Afstemning om punkt 4' });
  expect(within(vote).queryByRole('radiogroup', { name: people.erik.name })).toBeNull();
  expect(within(vote).getByRole('radiogroup', { name: people.louise.name })).toBeTruthy();
});

test('after a vote the item shows its result with the counts, the names on demand', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting();
  await show(w.as(people.mads));
  await user.click(await screen.findByRole('button', { name: 'Afstemning om punkt 3' }));
  const dialog = await screen.findByRole('dialog', { name: 'Afstemning om punkt 3' });
  const group = (name: string) => within(dialog).getByRole('radiogroup', { name });
  await user.click(within(group(people.kamilla.name)).getByRole('radio', { name: 'For' }));
  await user.click(within(group(people.erik.name)).getByRole('radio', { name: 'For' }));
  await user.click(within(group(people.louise.name)).getByRole('radio', { name: 'Undlod' }));
  await user.click(within(dialog).getByRole('button', { name: 'Gem afstemning' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  const protocol = await screen.findByRole('region', { name: 'Protokol for punkt 3' });
  expect(within(protocol).getByText('Resultat: Vedtaget 2–0, 1 undlod')).toBeTruthy();
  const names = within(protocol).getByRole('button', { name: 'Vis navne' });
  expect(names.getAttribute('aria-expanded')).toBe('false');
  expect(within(protocol).queryByRole('list')).toBeNull();
  await user.click(names);
  expect(names.getAttribute('aria-expanded')).toBe('true');
  expect(
    within(protocol).getByText(`For stemte: ${people.kamilla.name} og ${people.erik.name} (2)`),
  ).toBeTruthy();
  expect(within(protocol).getByText(`Undlod at stemme: ${people.louise.name} (1)`)).toBeTruthy();
  await noAxeViolations();
});

test('a member is offered a protokoltilførsel only after a vote she voted against or abstained in; she sees hers on the item and changes it until she signs', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting();
  const mads = w.as(people.mads);
  // Before the vote: no member is offered a tilførsel; inhabilitet is still offered.
  await show(w.as(people.erik));
  await screen.findByRole('button', { name: 'Erklær inhabilitet på punkt 3' });
  expect(screen.queryByRole('button', { name: 'Protokoltilførsel på punkt 3' })).toBeNull();
  document.body.innerHTML = '';
  await mads.lists.saveCommitteeEntry(KEY, {
    kind: 'vote',
    value: {
      itemNumber: 3,
      choices: { [people.kamilla.upn]: 'For', [people.erik.upn]: 'Imod' },
      recordedBy: people.mads.upn,
      recordedAt: '2024-02-20T10:30:00.000Z',
    },
  });
  // Kamilla voted for: nothing to enter; the item is handled, so no inhabilitet either.
  await show(w.as(people.kamilla));
  await screen.findByText('Resultat: Forkastet 1–1');
  expect(screen.queryByRole('button', { name: 'Protokoltilførsel på punkt 3' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Erklær inhabilitet på punkt 3' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Afstemning om punkt 3' })).toBeNull();
  document.body.innerHTML = '';

  await show(w.as(people.erik));
  await user.click(await screen.findByRole('button', { name: 'Protokoltilførsel på punkt 3' }));
  let dialog = await screen.findByRole('dialog', { name: 'Protokoltilførsel på punkt 3' });
  expect(within(dialog).queryByRole('combobox', { name: 'Medlem' })).toBeNull();
  await user.type(within(dialog).getByRole('textbox', { name: 'Tekst' }), 'Forslaget er for dyrt.');
  await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  const line = (text: string) => `${people.erik.name} ønskede følgende ført til protokol: ${text}`;
  expect(await screen.findByText(line('Forslaget er for dyrt.'))).toBeTruthy();
  // The dialog reopens with her text; the change replaces it on the item.
  await user.click(await screen.findByRole('button', { name: 'Protokoltilførsel på punkt 3' }));
  dialog = await screen.findByRole('dialog', { name: 'Protokoltilførsel på punkt 3' });
  const box = within(dialog).getByRole('textbox', { name: 'Tekst' });
  expect(box).toHaveProperty('value', 'Forslaget er for dyrt.');
  await user.clear(box);
  await user.type(box, 'Forslaget er for dyrt for borgerne.');
  await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(await screen.findByText(line('Forslaget er for dyrt for borgerne.'))).toBeTruthy();
  expect(screen.queryByText(line('Forslaget er for dyrt.'))).toBeNull();
  document.body.innerHTML = '';

  // After she signed: nothing more to do on the item.
  await w.outForSignatures();
  await show(w.as(people.erik), true);
  await user.click(await screen.findByRole('button', { name: 'Underskriv beslutningsprotokol' }));
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Underskriv' }));
  await screen.findByText('Du har underskrevet denne version.');
  expect(screen.queryByRole('button', { name: 'Protokoltilførsel på punkt 3' })).toBeNull();
});

test('after the meeting a present member signs, and the organizer sees who is missing and reminds them', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting();
  await w.outForSignatures();
  await show(w.as(people.erik), true);
  await user.click(await screen.findByRole('button', { name: 'Underskriv beslutningsprotokol' }));
  // The dialog shows what is signed: the protocol's text, its version and checksum.
  const dialog = await screen.findByRole('dialog', { name: 'Underskriv beslutningsprotokol' });
  expect(within(dialog).getByText(/Punkt 3: /)).toBeTruthy();
  expect(within(dialog).getByText(/^Protokolversion 1, kontrolsum [0-9a-f]{12}$/)).toBeTruthy();
  await noAxeViolations();
  await user.click(within(dialog).getByRole('button', { name: 'Underskriv' }));
  expect(await screen.findByText('Du har underskrevet denne version.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Underskriv beslutningsprotokol' })).toBeNull();
  const signedBy = await screen.findByRole('list', { name: 'Underskrevet af' });
  expect(within(signedBy).getByRole('listitem').textContent).toMatch(
    new RegExp(`${people.erik.name}, \\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d$`),
  );
  document.body.innerHTML = '';
  await show(w.as(people.sofie), true);
  const missing = await screen.findByRole('list', { name: 'Mangler underskrift' });
  // Each with her avatar (initials, hidden from screen readers) before the name.
  expect(
    within(missing)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    expect.stringMatching(new RegExp(`${people.kamilla.name}$`)),
    expect.stringMatching(new RegExp(`${people.louise.name}$`)),
  ]);
  await user.click(screen.getByRole('button', { name: 'Send påmindelse' }));
  expect((await screen.findByRole('status')).textContent).toBe('Påmindelse sendt til 2 medlemmer.');
  expect(w.sent.flatMap((m) => m.to.map((t) => t.upn))).toEqual([people.kamilla.upn, people.louise.upn]);
  await noAxeViolations();
});

test('every person on the signing view is shown by name, also where a row carries only the address', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting({ addressesOnly: true });
  await w.outForSignatures();
  await show(w.as(people.erik), true);
  await user.click(await screen.findByRole('button', { name: 'Underskriv beslutningsprotokol' }));
  const dialog = await screen.findByRole('dialog', { name: 'Underskriv beslutningsprotokol' });
  const text = dialog.querySelector('pre')?.textContent ?? '';
  expect(text).toContain(`Afbud fra ${people.anders.name}`);
  expect(text).not.toContain(people.anders.upn);
  expect(within(dialog).queryByText(/@kommune\.example/)).toBeNull();
  await user.click(within(dialog).getByRole('button', { name: 'Underskriv' }));
  await screen.findByText('Du har underskrevet denne version.');
  document.body.innerHTML = '';
  await show(w.as(people.sofie), true);
  const missing = await screen.findByRole('list', { name: 'Mangler underskrift' });
  expect(within(missing).getAllByRole('listitem').map((li) => li.textContent)).toContainEqual(
    expect.stringMatching(new RegExp(`${people.louise.name}$`)),
  );
  expect(screen.queryByText(/@kommune\.example/)).toBeNull();
});

test('a member who sent afbud gets no committee buttons and nothing to sign', async () => {
  const w = await committeeMeeting();
  await show(w.as(people.anders), true);
  expect(await screen.findByText(/^Protokolversion 1, kontrolsum [0-9a-f]{12}$/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Protokoltilførsel på punkt 3' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Underskriv beslutningsprotokol' })).toBeNull();
});

test('a member declares inhabilitet from her own page; the referent finds it waiting, prefilled, and records the decision', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting();
  await show(w.as(people.erik), false, 4);
  expect(screen.queryByRole('button', { name: 'Inhabilitet på punkt 4' })).toBeNull();
  await user.click(await screen.findByRole('button', { name: 'Erklær inhabilitet på punkt 4' }));
  let dialog = await screen.findByRole('dialog', { name: 'Erklær inhabilitet på punkt 4' });
  expect(within(dialog).queryByRole('combobox', { name: 'Medlem' })).toBeNull();
  await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
  expect((await within(dialog).findByRole('alert')).textContent).toBe(
    'Skriv begrundelsen for inhabiliteten.',
  );
  await user.type(
    within(dialog).getByRole('textbox', { name: 'Begrundelse' }),
    'Min ægtefælle er ansat i enheden.',
  );
  await noAxeViolations();
  await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  const line = `${people.erik.name} har erklæret sig inhabil: Min ægtefælle er ansat i enheden. – afventer udvalgets beslutning`;
  const waiting = await screen.findByRole('list', { name: 'Erklæringer om inhabilitet på punkt 4' });
  expect(within(waiting).getByRole('listitem').textContent).toBe(line);
  const record = await w.lists.readCommittee(KEY);
  expect(record.declarations.map((d) => [d.value.member, d.modifiedBy])).toEqual([
    [people.erik.upn, people.erik.upn],
  ]);

  document.body.innerHTML = '';
  await show(w.as(people.mads), false, 4);
  expect(await screen.findByText(line)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Inhabilitet på punkt 4' }));
  dialog = await screen.findByRole('dialog', { name: 'Inhabilitet på punkt 4' });
  const member = within(dialog).getByRole('combobox', { name: 'Medlem' }) as HTMLSelectElement;
  expect(member.value).toBe(people.erik.upn);
  expect(within(dialog).getByRole('textbox', { name: 'Begrundelse' })).toHaveProperty(
    'value',
    'Min ægtefælle er ansat i enheden.',
  );
  await user.click(within(dialog).getByRole('radio', { name: 'Inhabil' }));
  await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  await waitFor(() => expect(screen.queryByText(line)).toBeNull());
  const [decided] = (await w.lists.readCommittee(KEY)).inhabilitet;
  expect([decided.value.member, decided.value.decision, decided.value.reason]).toEqual([
    people.erik.upn,
    'Inhabil',
    'Min ægtefælle er ansat i enheden.',
  ]);
  await user.click(await screen.findByRole('button', { name: 'Afstemning om punkt 4' }));
  const vote = await screen.findByRole('dialog', { name: 'Afstemning om punkt 4' });
  expect(within(vote).queryByRole('radiogroup', { name: people.erik.name })).toBeNull();
});

test('the organizer marks what the public protocol shows of a closed item; nobody else, and not on an open item', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting();
  await show(w.as(people.sofie), false, 5);
  const title = await screen.findByRole('checkbox', { name: 'Offentliggør titel for punkt 5' });
  const decision = screen.getByRole('checkbox', { name: 'Offentliggør beslutning for punkt 5' });
  expect(screen.getByRole('group', { name: 'Offentliggørelse af punkt 5' })).toBeTruthy();
  expect([title, decision].map((c) => (c as HTMLInputElement).checked)).toEqual([false, false]);
  await user.click(title);
  await waitFor(() => expect((title as HTMLInputElement).checked).toBe(true));
  expect((await w.lists.readCommittee(KEY)).publication.map((p) => p.value)).toEqual([
    expect.objectContaining({ itemNumber: 5, publishTitle: true, publishDecision: false }),
  ]);
  // By keyboard: focus on the second box, Space.
  decision.focus();
  await user.keyboard(' ');
  await waitFor(() => expect((decision as HTMLInputElement).checked).toBe(true));
  expect((await w.lists.readCommittee(KEY)).publication.map((p) => p.value)).toEqual([
    expect.objectContaining({ itemNumber: 5, publishTitle: true, publishDecision: true }),
  ]);
  await noAxeViolations();

  document.body.innerHTML = '';
  await show(w.as(people.mads), false, 5);
  await screen.findByRole('button', { name: 'Afstemning om punkt 5' });
  expect(screen.queryByRole('checkbox', { name: 'Offentliggør titel for punkt 5' })).toBeNull();
  document.body.innerHTML = '';
  await show(w.as(people.sofie), false, 3);
  await screen.findByRole('button', { name: 'Afstemning om punkt 3' });
  expect(screen.queryByRole('checkbox', { name: 'Offentliggør titel for punkt 3' })).toBeNull();
});

test('a declaration that arrives after the referent first opened the dialog still fills it in', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting();
  const mads = w.as(people.mads);
  const page = (view: MeetingView) => (
    <AppShell theme="contrast" locale="da">
      <Harness deps={mads} view={view} item={4} />
    </AppShell>
  );
  const { rerender } = render(page(await openMeeting(mads, KEY)));
  await user.click(await screen.findByRole('button', { name: 'Inhabilitet på punkt 4' }));
  let dialog = await screen.findByRole('dialog', { name: 'Inhabilitet på punkt 4' });
  await user.click(within(dialog).getByRole('button', { name: 'Annuller' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

  const erik = w.as(people.erik);
  await declareInhabilitet(erik, await openMeeting(erik, KEY), {
    itemNumber: 4,
    reason: 'Min bror er ansøger.',
  });
  // The referent saves a decision text meanwhile; the page reads the committee record again.
  await mads.lists.saveDecision(KEY, {
    itemNumber: 4,
    itemTitle: 'Opfølgning på investeringsmodeller for 2023',
    text: 'Drøftet.',
    status: 'Kladde',
    editorUpn: people.mads.upn,
    updatedAt: '2024-02-20T10:40:00.000Z',
  });
  rerender(page(await openMeeting(mads, KEY)));
  await screen.findByText(/^Erik .* har erklæret sig inhabil: Min bror er ansøger\./);
  await user.click(await screen.findByRole('button', { name: 'Inhabilitet på punkt 4' }));
  dialog = await screen.findByRole('dialog', { name: 'Inhabilitet på punkt 4' });
  expect((within(dialog).getByRole('combobox', { name: 'Medlem' }) as HTMLSelectElement).value).toBe(
    people.erik.upn,
  );
  expect(within(dialog).getByRole('textbox', { name: 'Begrundelse' })).toHaveProperty(
    'value',
    'Min bror er ansøger.',
  );
});

test('before the organizer opens signing a member is told why she cannot sign; a tilførsel written after the opening waits for the next version, which the organizer makes', async () => {
  const user = userEvent.setup();
  const w = await committeeMeeting();
  await w.as(people.mads).lists.saveCommitteeEntry(KEY, {
    kind: 'vote',
    value: {
      itemNumber: 3,
      choices: { [people.kamilla.upn]: 'For', [people.erik.upn]: 'Imod' },
      recordedBy: people.mads.upn,
      recordedAt: '2024-02-20T10:30:00.000Z',
    },
  });
  await show(w.as(people.erik), true);
  expect(
    (await screen.findByText(/^Beslutningsprotokollen er ikke åbnet for underskrift endnu\./)).getAttribute(
      'role',
    ),
  ).toBe('status');
  expect(screen.queryByRole('button', { name: 'Underskriv beslutningsprotokol' })).toBeNull();
  document.body.innerHTML = '';

  await w.outForSignatures();
  const erik = w.as(people.erik);
  await erik.lists.saveCommitteeEntry(KEY, {
    kind: 'tilfoersel',
    value: {
      itemNumber: 3,
      member: people.erik.upn,
      text: 'For sent.',
      writtenBy: people.erik.upn,
      writtenAt: 'x',
    },
  });
  await show(w.as(people.sofie), true);
  const late = await screen.findByRole('list', { name: 'Kommer med i næste version' });
  expect(within(late).getByRole('listitem').textContent).toBe(
    `Protokoltilførsel på punkt 3 (${people.erik.name})`,
  );
  expect(screen.getByText(/^Protokolversion 1,/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Lav ny version' }));
  expect(await screen.findByText('Version 2 er åbnet for underskrift.')).toBeTruthy();
  expect(screen.getByText(/^Protokolversion 2,/)).toBeTruthy();
  expect(screen.queryByRole('list', { name: 'Kommer med i næste version' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Lav ny version' })).toBeNull();
  await noAxeViolations();
});

/** The organizer's page as MeetingPage wires it: the committee's reads hand back the Meetings row they wrote. */
function OrganizerPage({ deps, initial }: { deps: AppDeps; initial: MeetingView }) {
  const [view, setView] = useState(initial);
  const state = useCommittee(deps, view, 100, setView);
  return (
    <>
      <SignProtocol deps={deps} view={view} state={state} />
      <output aria-label="eTag">{view.meetingETag}</output>
    </>
  );
}

test("the organizer's page says when its opening is written but not yet named on the meeting, names it by itself when SharePoint takes the write, and keeps the row's new eTag", async () => {
  const w = await committeeMeeting();
  const mads = w.as(people.mads);
  await sendReferatForApproval(mads, await openMeeting(mads, KEY));
  const organizer = w.as(people.sofie);
  let down = true;
  const lists = Object.assign(Object.create(organizer.lists) as AppDeps['lists'], {
    nameProtocolOpening: (key: string, id: string) =>
      down ? Promise.reject(new Unavailable('503', { status: 503 })) : organizer.lists.nameProtocolOpening(key, id),
  });
  const deps = { ...organizer, lists };
  const view = await openMeeting(deps, KEY);
  render(
    <AppShell theme="contrast" locale="da">
      <OrganizerPage deps={deps} initial={{ ...view, meeting: { ...view.meeting, status: 'Afsluttet' } }} />
    </AppShell>,
  );
  const pending = await screen.findByText(/^Underskriftsrunden er gemt, men endnu ikke registreret på mødet\./);
  expect(pending.getAttribute('role')).toBe('status');
  await noAxeViolations();
  // Nobody else sees an opening meanwhile.
  expect((await w.lists.readCommittee(KEY)).openings).toEqual([]);
  down = false;
  await waitFor(() => expect(screen.queryByText(/^Underskriftsrunden er gemt/)).toBeNull());
  const row = (await w.lists.readMeeting(KEY)).meeting!;
  expect(row.value.protocolOpenings).toHaveLength(1);
  expect((await w.lists.readCommittee(KEY)).openings.map((o) => o.id)).toEqual(row.value.protocolOpenings);
  await waitFor(() => expect(screen.getByRole('status', { name: 'eTag' }).textContent).toBe(row.eTag));
});

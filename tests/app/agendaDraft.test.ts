/**
 * The task pane's one agenda draft: every action works on it, nothing typed is lost by choosing a referent,
 * a failed save keeps the draft and says why, "Tilføj punkt" adds where asked, and sending is refused with
 * the reasons while the agenda breaks a rule.
 */
import { AgendaDraft, type AgendaDraftWrites } from '../../src/app/agendaDraft';
import type { MeetingView } from '../../src/app/openMeeting';
import type { AgendaItem } from '../../src/domain/agendaItem';
import type { Person } from '../../src/domain/person';
import { seedItems } from './fixtures';

const mads: Person = { upn: 'mads@kommune.example', name: 'Mads Holm' };

function viewOf(items: AgendaItem[], referent?: Person, agendaVersion = 0): MeetingView {
  return { key: 'k', items, meeting: { referent, agendaVersion } } as unknown as MeetingView;
}

function fakeWrites(stored: { items: AgendaItem[]; referent?: Person; version: number }) {
  const calls: string[] = [];
  let failSave: unknown = null;
  const writes: AgendaDraftWrites = {
    async saveAgenda(_view, items) {
      calls.push('save');
      if (failSave) throw failSave;
      stored.items = items;
      return { kind: 'landed', value: viewOf(items, stored.referent, stored.version) };
    },
    async assignReferent(_view, referent) {
      calls.push('referent');
      stored.referent = referent;
      // What SharePoint has: the last saved agenda, not the draft.
      return { kind: 'landed', value: viewOf(stored.items, referent, stored.version) };
    },
    async sendAgenda(_view, items) {
      calls.push('send');
      stored.items = items;
      stored.version += 1;
      return viewOf(items, stored.referent, stored.version);
    },
  };
  return { writes, calls, failSaveWith: (e: unknown) => (failSave = e) };
}

function draftOf(items = seedItems(), referent?: Person) {
  const stored = { items, referent, version: 0 };
  const fake = fakeWrites(stored);
  let n = 0;
  const draft = new AgendaDraft(viewOf(items, referent), fake.writes, () => `new-${++n}`);
  return { draft, stored, ...fake };
}

test('choosing a referent keeps every unsaved edit of the agenda', async () => {
  const { draft } = draftOf();
  draft.update('item-4', { title: 'Ny titel', guests: [{ name: 'Kamilla Berg', upn: 'k@kommune.example' }] });
  draft.add('Nyt punkt');
  await draft.setReferent(mads);
  const state = draft.get();
  expect(state.items).toHaveLength(9);
  expect(state.items[3]!.title).toBe('Ny titel');
  expect(state.items[3]!.guests.map((g) => g.upn)).toEqual(['k@kommune.example']);
  expect(state.view.meeting.referent).toEqual(mads);
  expect(state.dirty).toBe(true);
});

test('"Tilføj punkt" adds at the end, or right after the chosen item, and names the new item', () => {
  const { draft } = draftOf();
  const end = draft.add('Nyt punkt');
  expect(draft.get().items.at(-1)!.id).toBe(end);
  expect(draft.get().items.at(-1)!.number).toBe(9);
  expect(draft.get().added).toBe(end);
  const after = draft.add('Efter punkt 2', 'item-2');
  expect(draft.get().items.find((i) => i.id === after)!.number).toBe(3);
  expect(draft.get().items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('on an empty agenda the items come in the order they are added', () => {
  const { draft } = draftOf([]);
  draft.add('Første');
  draft.add('Anden');
  draft.add('Tredje');
  expect(draft.get().items.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Første', '2 Anden', '3 Tredje']);
});

test('a failed save keeps the draft and says why; the next save writes it', async () => {
  const { draft, stored, failSaveWith } = draftOf();
  draft.update('item-3', { title: 'Vigtig ændring' });
  const refusal = new Error('412');
  failSaveWith(refusal);
  await draft.save();
  expect(draft.get().outcome).toEqual({ kind: 'failed', error: refusal });
  expect(draft.get().items[2]!.title).toBe('Vigtig ændring');
  expect(draft.get().dirty).toBe(true);
  failSaveWith(null);
  await draft.save();
  expect(draft.get().outcome).toEqual({ kind: 'saved' });
  expect(draft.get().dirty).toBe(false);
  expect(stored.items[2]!.title).toBe('Vigtig ændring');
});

test('an empty agenda without a referent is not sent; the reasons are given', async () => {
  const { draft, calls } = draftOf([]);
  expect(await draft.send()).toBeNull();
  expect(draft.get().rules.map((r) => r.rule)).toEqual(['noItems', 'noReferent']);
  expect(calls).toEqual([]);
});

test('"Send uden referent" sends a valid agenda without a referent', async () => {
  const { draft, calls } = draftOf();
  expect(await draft.send()).toBeNull();
  expect(draft.get().rules.map((r) => r.rule)).toEqual(['noReferent']);
  const sent = await draft.send({ withoutReferent: true });
  expect(sent?.meeting.agendaVersion).toBe(1);
  expect(calls).toEqual(['send']);
  expect(draft.get().outcome).toEqual({ kind: 'sent', version: 1 });
  expect(draft.get().rules).toEqual([]);
});

test('fixing the field clears its reason; sending then writes the draft as typed', async () => {
  const { draft, stored } = draftOf(seedItems(), mads);
  draft.update('item-3', { durationMinutes: -5 });
  await draft.send();
  expect(draft.get().rules).toEqual([{ field: 'items.2.durationMinutes', rule: 'minutesRange', item: 3 }]);
  draft.update('item-3', { durationMinutes: 15 });
  expect(draft.get().rules).toEqual([]);
  await draft.send();
  expect(stored.items[2]!.durationMinutes).toBe(15);
  expect(draft.get().dirty).toBe(false);
});

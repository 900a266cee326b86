import { watchDecisions } from '../../src/app/watchDecisions';
import type { Decision } from '../../src/domain/decision';
import type { DecisionChanges, ListStore, Stored } from '../../src/ports/ListStore';

/** Counts delta reads; `pending` rows come back on the next one. */
function deltaSource() {
  const source = { polls: 0, pending: [] as Stored<Decision>[] };
  const lists = {
    decisionChanges: async (): Promise<DecisionChanges> => {
      source.polls++;
      const changed = source.pending.splice(0);
      return { changed, deletedIds: [], cursor: `c${source.polls}` };
    },
  } as unknown as ListStore;
  return { source, lists };
}

const row = (text: string): Stored<Decision> => ({
  id: '1',
  eTag: `"${text}"`,
  value: {
    itemNumber: 1,
    itemTitle: 'Dagsorden',
    text,
    status: 'Kladde',
    editorUpn: 'mads@kommune.example',
    updatedAt: '2024-02-20T10:00:00Z',
  },
});

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('polls fast while decisions change, a quarter as often after a quiet minute, fast again on a change', async () => {
  const { source, lists } = deltaSource();
  const seen: string[] = [];
  const watch = watchDecisions(lists, 'k', 'c0', (rows) => seen.push(...rows.map((r) => r.value.text)), {
    intervalMs: 1000,
  });
  await jest.advanceTimersByTimeAsync(60_000);
  expect(source.polls).toBe(60); // the first minute: every second
  await jest.advanceTimersByTimeAsync(60_000);
  expect(source.polls).toBe(75); // quiet: every 4 s
  source.pending.push(row('Godkendt.'));
  await jest.advanceTimersByTimeAsync(4_000);
  expect(seen).toEqual(['Godkendt.']);
  const before = source.polls;
  await jest.advanceTimersByTimeAsync(10_000);
  expect(source.polls - before).toBe(10); // writing again: every second
  watch.stop();
  await jest.advanceTimersByTimeAsync(10_000);
  expect(source.polls - before).toBe(10);
});

test('a hidden page does not poll', async () => {
  const { source, lists } = deltaSource();
  let visible = false;
  const watch = watchDecisions(lists, 'k', 'c0', () => undefined, {
    intervalMs: 1000,
    isActive: () => visible,
  });
  await jest.advanceTimersByTimeAsync(10_000);
  expect(source.polls).toBe(0);
  visible = true;
  await jest.advanceTimersByTimeAsync(3_000);
  expect(source.polls).toBe(3);
  watch.stop();
});

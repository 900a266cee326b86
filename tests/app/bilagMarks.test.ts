/**
 * "Ændret efter udsendelse" (issue 25 point 2): a reader who was shown a bilag sees it marked when its file
 * changes (a new version, as the store's eTag says), until they open it; a reader who was never shown it
 * sees no mark. Each reader's memory is their own.
 */
import { MemoryBilagStore } from '../../src/adapters/memory/memoryBilagStore';
import { MemorySeenBilag } from '../../src/adapters/memory/memorySeenBilag';
import { listMarkedBilag, openBilag } from '../../src/app/bilagMarks';
import { changedSinceSeen, firstSights } from '../../src/domain/bilag/changedBilag';
import type { SeenBilag } from '../../src/ports/SeenBilag';

const bytes = (text: string) => new TextEncoder().encode(text);
const marks = async (store: MemoryBilagStore, seen: SeenBilag, item = 'item-1') =>
  Object.fromEntries((await listMarkedBilag(store, seen, 'k', item)).map((b) => [b.name, b.changed]));

async function sentWithTwoFiles() {
  const store = new MemoryBilagStore();
  await store.upload('k', 'item-1', { name: 'Budget.pdf', bytes: bytes('v1') });
  await store.upload('k', 'item-1', { name: 'Notat.pdf', bytes: bytes('v1') });
  return store;
}

test('a file replaced after the reader was shown it is marked, the other is not', async () => {
  const store = await sentWithTwoFiles();
  const anders = new MemorySeenBilag();
  expect(await marks(store, anders)).toEqual({ 'Budget.pdf': false, 'Notat.pdf': false });
  await store.upload('k', 'item-1', { name: 'Budget.pdf', bytes: bytes('v2') });
  expect(await marks(store, anders)).toEqual({ 'Budget.pdf': true, 'Notat.pdf': false });
  // Still marked on the next look: only opening it clears the mark.
  expect(await marks(store, anders)).toEqual({ 'Budget.pdf': true, 'Notat.pdf': false });
});

test('opening the changed file clears its mark; a further change marks it again', async () => {
  const store = await sentWithTwoFiles();
  const anders = new MemorySeenBilag();
  await marks(store, anders);
  await store.upload('k', 'item-1', { name: 'Budget.pdf', bytes: bytes('v2') });
  const [budget] = await listMarkedBilag(store, anders, 'k', 'item-1');
  const got = await openBilag(store, anders, 'k', 'item-1', budget);
  expect(new TextDecoder().decode(got.bytes)).toBe('v2');
  expect(await marks(store, anders)).toEqual({ 'Budget.pdf': false, 'Notat.pdf': false });
  await store.upload('k', 'item-1', { name: 'Budget.pdf', bytes: bytes('v3') });
  expect((await marks(store, anders))['Budget.pdf']).toBe(true);
});

test('a reader who was never shown the file sees no mark, also after the change', async () => {
  const store = await sentWithTwoFiles();
  const anders = new MemorySeenBilag();
  const erik = new MemorySeenBilag();
  await marks(store, anders);
  await store.upload('k', 'item-1', { name: 'Budget.pdf', bytes: bytes('v2') });
  expect(await marks(store, erik)).toEqual({ 'Budget.pdf': false, 'Notat.pdf': false });
  expect((await marks(store, anders))['Budget.pdf']).toBe(true);
});

test('a file added after the reader looked is no change to them', async () => {
  const store = await sentWithTwoFiles();
  const anders = new MemorySeenBilag();
  await marks(store, anders);
  await store.upload('k', 'item-1', { name: 'Tillæg.pdf', bytes: bytes('v1') });
  expect((await marks(store, anders))['Tillæg.pdf']).toBe(false);
});

test('a memory that fails costs the marks, never the list', async () => {
  const store = await sentWithTwoFiles();
  const broken: SeenBilag = {
    seen: () => Promise.reject(new Error('storage refused')),
    remember: () => Promise.reject(new Error('storage refused')),
  };
  expect(await marks(store, broken)).toEqual({ 'Budget.pdf': false, 'Notat.pdf': false });
  const [budget] = await listMarkedBilag(store, broken, 'k', 'item-1');
  expect((await openBilag(store, broken, 'k', 'item-1', budget)).name).toBe('Budget.pdf');
});

test('a file without an eTag is neither remembered nor marked', () => {
  expect(firstSights([{ id: 'a', eTag: '' }], {})).toEqual({});
  expect(changedSinceSeen([{ id: 'a', eTag: '' }], { a: '"x,1"' }).size).toBe(0);
});

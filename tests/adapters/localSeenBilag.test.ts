/** The reader's memory of the bilag versions they were shown, in their browser's localStorage. */
import {
  browserStorage,
  LocalSeenBilag,
  type KeyValueStorage,
} from '../../src/adapters/browser/localSeenBilag';

class FakeStorage implements KeyValueStorage {
  readonly values = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.values.set(key, value);
  }
}

test('remembers per reader and meeting, merging what each list adds', async () => {
  const storage = new FakeStorage();
  const anders = new LocalSeenBilag(storage, 'Anders@kommune.example');
  await anders.remember('m1', { a: '"a,1"' });
  await anders.remember('m1', { b: '"b,1"' });
  await anders.remember('m1', { a: '"a,2"' });
  expect(await anders.seen('m1')).toEqual({ a: '"a,2"', b: '"b,1"' });
  expect(await anders.seen('m2')).toEqual({});
  expect(await new LocalSeenBilag(storage, 'erik@kommune.example').seen('m1')).toEqual({});
  expect(await new LocalSeenBilag(storage, 'anders@kommune.example').seen('m1')).toEqual({
    a: '"a,2"',
    b: '"b,1"',
  });
});

test.each([
  ['not JSON', '{oops'],
  ['an array', '["a"]'],
  ['null', 'null'],
])(
  'a stored value that is %s counts as nothing seen, and is replaced on the next remember',
  async (_what, raw) => {
    const storage = new FakeStorage();
    const reader = new LocalSeenBilag(storage, 'anders@kommune.example');
    storage.values.set('moedeassistent.seenBilag.anders@kommune.example.m1', raw);
    expect(await reader.seen('m1')).toEqual({});
    await reader.remember('m1', { a: '"a,1"' });
    expect(await reader.seen('m1')).toEqual({ a: '"a,1"' });
  },
);

test('values that are not eTags are dropped, the rest kept', async () => {
  const storage = new FakeStorage();
  storage.values.set('moedeassistent.seenBilag.anders@kommune.example.m1', '{"a":"\\"a,1\\"","b":7,"c":{}}');
  expect(await new LocalSeenBilag(storage, 'anders@kommune.example').seen('m1')).toEqual({ a: '"a,1"' });
});

test('a full storage loses the new memory quietly and keeps the old', async () => {
  const storage = new FakeStorage();
  const reader = new LocalSeenBilag(storage, 'anders@kommune.example');
  await reader.remember('m1', { a: '"a,1"' });
  storage.full = true;
  await expect(reader.remember('m1', { b: '"b,1"' })).resolves.toBeUndefined();
  expect(await reader.seen('m1')).toEqual({ a: '"a,1"' });
});

test('a page in a frame whose localStorage is refused (touching it throws) runs without marks', async () => {
  const refused = () => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  };
  const had = Object.getOwnPropertyDescriptor(globalThis, 'window');
  Object.defineProperty(globalThis, 'window', {
    configurable: true,
    value: Object.defineProperty({}, 'localStorage', { get: refused }),
  });
  try {
    // Made as the entries make it: nothing touches localStorage until a list is read or remembered.
    const seen = new LocalSeenBilag(browserStorage, 'erik@kommune.example');
    await expect(seen.seen('m1')).resolves.toEqual({});
    await expect(seen.remember('m1', { a: '"a,1"' })).resolves.toBeUndefined();
  } finally {
    if (had) Object.defineProperty(globalThis, 'window', had);
    else delete (globalThis as { window?: unknown }).window;
  }
});

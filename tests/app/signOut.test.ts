import { MemoryOutbox } from '../../src/adapters/memory/memoryOutbox';
import { signOut } from '../../src/app/signOut';
import type { TokenProvider } from '../../src/ports/TokenProvider';

function tokens() {
  const t = { signedOut: 0 };
  const provider: TokenProvider = {
    getToken: async () => 'token',
    account: async () => ({ upn: 'mads@kommune.example', name: 'Mads Nielsen' }),
    signOut: async () => {
      t.signedOut++;
    },
  };
  return { t, provider };
}

const entry = (slot: string, text: string) => ({
  slot,
  kind: 'decision' as const,
  meetingKey: 'k',
  payload: { itemNumber: 1, text },
  updatedAt: '2024-02-20T10:00:00Z',
});

test('with text still waiting, sign-out asks first and keeps everything', async () => {
  const outbox = new MemoryOutbox();
  await outbox.put(entry('decision:k:1', 'Godkendt.'));
  await outbox.put(entry('decision:k:2', 'Drøftet.'));
  const { t, provider } = tokens();
  expect(await signOut(outbox, provider)).toEqual({ kind: 'pending', count: 2 });
  expect(await outbox.list()).toHaveLength(2);
  expect(t.signedOut).toBe(0);

  expect(await signOut(outbox, provider, { discardPending: true })).toEqual({
    kind: 'signedOut',
    discarded: 2,
  });
  expect(await outbox.list()).toEqual([]);
  expect(t.signedOut).toBe(1);
});

test('with nothing waiting, sign-out empties the outbox and drops the tokens at once', async () => {
  const outbox = new MemoryOutbox();
  const { t, provider } = tokens();
  expect(await signOut(outbox, provider)).toEqual({ kind: 'signedOut', discarded: 0 });
  expect(t.signedOut).toBe(1);
});

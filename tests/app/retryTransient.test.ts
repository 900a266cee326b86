import { backoffMs, retryTransient } from '../../src/app/retryTransient';
import { Forbidden, Offline, Throttled, Unavailable } from '../../src/ports/errors';

const script = (outcomes: Array<Error | string>) => {
  let i = 0;
  const attempt = jest.fn(async () => {
    const next = outcomes[i++];
    if (next instanceof Error) throw next;
    return next;
  });
  return attempt;
};

test('transient failures are tried again, waiting longer each time', async () => {
  const waits: number[] = [];
  const told: string[] = [];
  const attempt = script([new Offline(), new Throttled(), new Unavailable(), 'klar']);
  await expect(
    retryTransient(attempt, {
      wait: async (ms) => void waits.push(ms),
      onRetry: (e, n) => told.push(`${(e as Error).constructor.name} ${n}`),
    }),
  ).resolves.toBe('klar');
  expect(attempt).toHaveBeenCalledTimes(4);
  expect(waits).toEqual([500, 1000, 2000]);
  // The page is told of each failure that will be tried again, so it can say why it waits.
  expect(told).toEqual(['Offline 1', 'Throttled 2', 'Unavailable 3']);
});

test('a refusal is not retried, and the last transient failure is thrown when the tries run out', async () => {
  const refused = script([new Forbidden('Du har ikke adgang'), 'aldrig']);
  await expect(retryTransient(refused, { wait: async () => undefined })).rejects.toBeInstanceOf(Forbidden);
  expect(refused).toHaveBeenCalledTimes(1);

  const down = script([new Offline('1'), new Offline('2'), new Offline('3')]);
  await expect(retryTransient(down, { tries: 3, wait: async () => undefined })).rejects.toThrow('3');
  expect(down).toHaveBeenCalledTimes(3);
});

test('the outbox back-off doubles from its base, stops at its cap, and never comes before Retry-After', () => {
  expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 1000, 15000))).toEqual([
    1000, 2000, 4000, 8000, 15000, 15000,
  ]);
  expect(backoffMs(1, 1000, 15000, 30000)).toBe(30000);
  expect(backoffMs(3, 1000, 15000, 2000)).toBe(4000);
});

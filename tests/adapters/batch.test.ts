import { Client } from '@microsoft/microsoft-graph-client';
import { runBatch, type BatchRequest } from '../../src/adapters/graph/batch';
import type { GraphConnection } from '../../src/adapters/graph/graphClient';

/** A Graph connection whose $batch answers come from a script, one per call. */
function scripted(
  answers: Array<(requests: BatchRequest[]) => Array<{ id: string; status: number; body?: unknown }>>,
) {
  const seen: BatchRequest[][] = [];
  const client = {
    api: () => ({
      post: async (payload: { requests: BatchRequest[] }) => {
        seen.push(payload.requests);
        const next = answers.shift();
        if (!next) throw new Error('no more answers');
        return { responses: next(payload.requests) };
      },
    }),
  } as unknown as Client;
  return { connection: { client } as GraphConnection, seen };
}

const get = (id: string): BatchRequest => ({ id, method: 'GET', url: `/x/${id}` });
const patch = (id: string): BatchRequest => ({ id, method: 'PATCH', url: `/x/${id}`, body: { a: 1 } });
const noSleep = async () => undefined;

test('a read that met a server error inside a batch is asked again; a write is not', async () => {
  const { connection, seen } = scripted([
    () => [
      { id: 'read', status: 500 },
      { id: 'write', status: 500 },
    ],
    () => [{ id: 'read', status: 200, body: { ok: true } }],
  ]);
  const answers = await runBatch(connection, [get('read'), patch('write')], { sleep: noSleep });
  expect(answers.get('read')).toMatchObject({ status: 200, body: { ok: true } });
  expect(answers.get('write')).toMatchObject({ status: 500 });
  expect(seen.map((r) => r.map((q) => q.id))).toEqual([['read', 'write'], ['read']]);
});

test('throttled steps, reads and writes alike, are retried together', async () => {
  const { connection, seen } = scripted([
    () => [
      { id: 'read', status: 429 },
      { id: 'write', status: 429 },
    ],
    (requests) => requests.map((r) => ({ id: r.id, status: 200, body: {} })),
  ]);
  const answers = await runBatch(connection, [get('read'), patch('write')], { sleep: noSleep });
  expect([...answers.values()].map((a) => a.status)).toEqual([200, 200]);
  expect(seen).toHaveLength(2);
});

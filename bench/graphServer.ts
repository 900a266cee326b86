import { startDemoServer } from '../demo/server';

/**
 * The local Graph server's own figures: start-up on an empty :memory: database, list-item writes per second
 * over HTTP (one request per item, and 20 per $batch), and a read filtered by the indexed MeetingKey over
 * `items` rows.
 */
export async function benchGraphServer(opts: { items: number }): Promise<{
  startupMs: number;
  itemWritesPerSec: number;
  batchedItemWritesPerSec: number;
  filteredReadMs: number;
  filteredReadRows: number;
  items: number;
}> {
  const t0 = performance.now();
  const server = await startDemoServer({ port: 0, db: ':memory:', seed: 'none' });
  const startupMs = Math.round(performance.now() - t0);
  try {
    const { access_token } = (await (
      await fetch(`${server.origin}/_dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ upn: 'sofie@kommune.example' }),
      })
    ).json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' };
    const items = `/sites/kommune.sharepoint.com:/sites/moeder:/lists/Decisions/items`;
    const fields = (i: number) => ({
      fields: {
        Title: `Punkt ${i % 10}`,
        MeetingKey: `bench-${i % 1000}`,
        ItemNumber: i % 10,
        Text: `Beslutning ${i}`,
        Status: 'Kladde',
      },
    });

    const single = Math.min(opts.items, 2000);
    let t = performance.now();
    for (let i = 0; i < single; i++) {
      const r = await fetch(`${server.url}${items}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(fields(i)),
      });
      if (r.status !== 201) throw new Error(`write failed: ${r.status}`);
    }
    const itemWritesPerSec = Math.round(single / ((performance.now() - t) / 1000));

    const rest = opts.items - single;
    t = performance.now();
    for (let start = 0; start < rest; start += 20) {
      const requests = Array.from({ length: Math.min(20, rest - start) }, (_v, k) => ({
        id: String(k),
        method: 'POST',
        url: items,
        headers: { 'Content-Type': 'application/json' },
        body: fields(single + start + k),
      }));
      const r = await fetch(`${server.url}/$batch`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ requests }),
      });
      if (r.status !== 200) throw new Error(`batch failed: ${r.status}`);
    }
    const batchedItemWritesPerSec = rest > 0 ? Math.round(rest / ((performance.now() - t) / 1000)) : 0;

    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 20; i++) {
      t = performance.now();
      const r = await fetch(
        `${server.url}${items}?$expand=fields&$filter=fields/MeetingKey eq 'bench-${i * 7}'&$top=500`,
        { headers },
      );
      const body = (await r.json()) as { value: unknown[] };
      times.push(performance.now() - t);
      rows = body.value.length;
    }
    times.sort((a, b) => a - b);
    return {
      startupMs,
      itemWritesPerSec,
      batchedItemWritesPerSec,
      filteredReadMs: Math.round(times[10] * 10) / 10,
      filteredReadRows: rows,
      items: opts.items,
    };
  } finally {
    await server.close();
  }
}

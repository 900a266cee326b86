import { loadStandingItems } from '../../src/app/standingItems';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { depsAs } from '../support/nodeDeps';

let server: GraphServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo' });
});
afterAll(() => server.close());

test('the next rådmandsmøde is offered the standing items of the previous one in its series, as SharePoint has them', async () => {
  const sofie = depsAs(server, 'sofie@kommune.example');
  const { meetings, items } = await sofie.lists.readArchive();
  const series = meetings.filter(
    (m) => m.series === meetings.find((x) => !x.committee)!.series && !m.committee,
  );
  const [previous, next] = [...series].sort((a, b) => a.start.localeCompare(b.start)).slice(-2);
  const previousTitles = items
    .filter((i) => i.meetingKey === previous.key)
    .sort((a, b) => a.number - b.number)
    .map((i) => i.title);
  const offered = (await loadStandingItems(sofie, next)).map((i) => i.title);
  expect(offered).toEqual([
    'Dagsorden',
    'Referat',
    'Orientering fra Magistraten',
    'Orientering om udvalget',
    'Bordrunde',
  ]);
  // Taken from the previous meeting: each offered title is one of its items, none of its one-off items.
  expect(offered.every((t) => previousTitles.includes(t))).toBe(true);
  expect(offered).not.toContain('Opfølgning på investeringsmodeller for 2023');
});

test('items the secretary marked standing in the previous meeting are what the next is offered, marked again', async () => {
  const sofie = depsAs(server, 'sofie@kommune.example');
  const { meetings } = await sofie.lists.readArchive();
  const series = meetings.filter(
    (m) => m.series === meetings.find((x) => !x.committee)!.series && !m.committee,
  );
  const [previous, next] = [...series].sort((a, b) => a.start.localeCompare(b.start)).slice(-2);
  const items = (await sofie.lists.openMeeting(previous.key)).items.map((s) => s.value);
  const byNumber = new Map(items.map((i) => [i.number, i]));
  // She marks item 2 and a one-off looking item 4 standing; Bordrunde, unmarked, is no longer offered.
  const marked = items.map((i) => ({ ...i, standing: i.number === 2 || i.number === 4 }));
  await sofie.lists.replaceAgenda(previous.key, marked);
  const offered = await loadStandingItems(sofie, next);
  expect(offered.map((i) => [i.title, i.durationMinutes, i.category, i.standing])).toEqual(
    [2, 4].map((n) => {
      const i = byNumber.get(n)!;
      return [
        i.title,
        i.durationMinutes >= 1 && i.durationMinutes <= 480 ? i.durationMinutes : 5,
        i.category,
        true,
      ];
    }),
  );
  await sofie.lists.replaceAgenda(previous.key, items);
});

test('the demo marks the standing items every rådmandsmøde of the seeds has, so the next meeting is offered her marks', async () => {
  const sofie = depsAs(server, 'sofie@kommune.example');
  const { meetings } = await sofie.lists.readArchive();
  const latest = [...meetings.filter((m) => !m.committee)].sort((a, b) => b.start.localeCompare(a.start))[0];
  const marked = (await sofie.lists.openMeeting(latest.key)).items
    .map((s) => s.value)
    .filter((i) => i.standing === true)
    .sort((a, b) => a.number - b.number)
    .map((i) => i.title);
  expect(marked).toEqual([
    'Dagsorden',
    'Referat',
    'Orientering fra Magistraten',
    'Orientering om udvalget',
    'Bordrunde',
  ]);
});

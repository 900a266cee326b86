/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryListStore } from '../../src/adapters/memory/memoryListStore';
import { MemoryPermissions } from '../../src/adapters/memory/memoryPermissions';
import { importMeetings } from '../../src/app/importMeetings';
import type { ArchiveRows, ListStore } from '../../src/ports/ListStore';
import type { ImportResult } from '../../src/domain/history/importedMeeting';
import { AppShell } from '../../src/ui/components/AppShell/AppShell';
import { ArchivePage } from '../../src/ui/pages/ArchivePage/ArchivePage';

/** The day the tests read the archive on (Copenhagen). */
const TODAY = '2026-12-07';

async function archiveWithSeed(): Promise<MemoryListStore> {
  const lists = new MemoryListStore();
  // The 20-02-2024 seed as hand-labelled (tests/fixtures/import): in the repository, seeds or not.
  const seed = JSON.parse(
    readFileSync(join(__dirname, '../fixtures/import/raadmandsmoede-2024-02.expected.json'), 'utf8'),
  ) as Pick<ImportResult, 'meetings'>;
  await importMeetings(
    { lists, permissions: new MemoryPermissions() },
    { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
    seed.meetings,
  );
  // A decision someone typed with markup in it: it must come out as text.
  await lists.saveDecision('x', {
    itemNumber: 1,
    itemTitle: '<img src=x onerror=alert(1)>',
    text: 'Godkendt <b>fed</b>',
    status: 'Endelig',
    editorUpn: 'mads@kommune.example',
    updatedAt: '2024-02-20T10:00:00Z',
  });
  return lists;
}

test('searching narrows the decisions, marks the hits, and filters by year; markup stays text', async () => {
  const user = userEvent.setup();
  render(
    <AppShell theme="default" locale="da">
      <ArchivePage today={TODAY} lists={await archiveWithSeed()} />
    </AppShell>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Beslutningsarkiv' });
  const box = screen.getByRole('searchbox', { name: 'Søg i beslutninger' });
  await user.type(box, 'økonomichef');
  expect(screen.getByRole('status').textContent).toBe('2 beslutninger fundet');
  const results = screen.getByRole('list', { name: 'Beslutningsarkiv' });
  const [hit] = within(results).getAllByRole('listitem');
  expect(
    within(hit)
      .getAllByText('@konomichef')
      .map((e) => e.tagName),
  ).toEqual(['MARK', 'MARK']);
  expect(within(hit).getByRole('heading', { level: 2 }).textContent).toBe(
    'Punkt 3: Opfelgning pa budgetforlig februar 2024',
  );
  expect(within(hit).getByRole('link', { name: 'Åbn mødet' }).getAttribute('href')).toMatch(
    /^archive\.html\?meeting=import-2024-02-06-.*#punkt-3$/,
  );

  await user.clear(box);
  await user.type(box, 'fed');
  expect(screen.getByText(/Godkendt/).innerHTML).toContain('&lt;b&gt;');
  expect(document.querySelector('img')).toBeNull();

  await user.clear(box);
  await user.selectOptions(screen.getByRole('combobox', { name: 'År' }), '2024');
  expect(screen.getByRole('status').textContent).toBe('14 beslutninger fundet');
});

test('an item found by a word of its indstilling shows that word in an excerpt of the paper', async () => {
  const user = userEvent.setup();
  render(
    <AppShell theme="default" locale="da">
      <ArchivePage today={TODAY} lists={await archiveWithSeed()} />
    </AppShell>,
  );
  // In the seed's item 4 this word is only in the indstilling's first "at"-point (as OCR'd).
  await user.type(await screen.findByRole('searchbox', { name: 'Søg i beslutninger' }), 'permanentggrelse');
  expect(screen.getByRole('status').textContent).toBe('1 beslutning fundet');
  const [hit] = within(screen.getByRole('list', { name: 'Beslutningsarkiv' })).getAllByRole('listitem');
  expect(within(hit).getByRole('heading', { level: 2 }).textContent).toMatch(/^Punkt 4: /);
  const excerpt = within(hit).getByText(/^Fra indstillingen:/);
  expect(excerpt.textContent).toContain('1. at R&dmanden tager opfglgning for 2023');
  expect(within(excerpt).getByText('permanentggrelse').tagName).toBe('MARK');
});

test('one meeting’s referat, in English', async () => {
  const lists = await archiveWithSeed();
  const key = (await lists.readArchive()).meetings.find((m) => m.start.startsWith('2024-02-20'))!.key;
  render(
    <AppShell theme="dark" locale="en">
      <ArchivePage today={TODAY} lists={lists} meetingKey={key} />
    </AppShell>,
  );
  expect(await screen.findByRole('heading', { level: 1, name: 'Minutes 20-02-2024' })).toBeTruthy();
  expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(8);
  expect(screen.getByRole('link', { name: 'Back to the search' })).toBeTruthy();
});

/** An agenda item of the tests below: open unless said, ten minutes, no guests. */
const item = (number: number, title: string, closed = false) => ({
  id: `i${number}`,
  number,
  title,
  category: null,
  durationMinutes: 10,
  guests: [],
  closed,
  attachments: [],
});

test('a meeting’s items in number order: a closed item is marked, an open item without a decision says so, owners once', async () => {
  const lists = new MemoryListStore();
  await lists.replaceAgenda('m', [item(2, 'Personalesag', true), item(3, 'Bordrunde'), item(1, 'Budget')]);
  await lists.saveDecision('m', {
    itemNumber: 1,
    itemTitle: 'Budget',
    text: 'FAS følger op. Fagligt Administrativt Sekretariat følger op.',
    status: 'Endelig',
    editorUpn: 'mads@kommune.example',
    updatedAt: '2024-02-20T10:00:00Z',
  });
  for (const [id, owner] of [
    ['f1', 'FAS'],
    ['f2', 'Fagligt Administrativt Sekretariat'],
  ])
    await lists.saveFollowUp('m', {
      id,
      itemNumber: 1,
      owners: [owner],
      task: `${owner} følger op.`,
      status: 'Åben',
    });
  render(
    <AppShell theme="default" locale="da">
      <ArchivePage today={TODAY} lists={lists} meetingKey="m" />
    </AppShell>,
  );
  const headings = await screen.findAllByRole('heading', { level: 2 });
  expect(headings.map((h) => h.textContent)).toEqual([
    'Punkt 1: Budget',
    'Punkt 2: Personalesag',
    'Punkt 3: Bordrunde',
  ]);
  const section = (n: number) => screen.getByRole('region', { name: headings[n - 1].textContent! });
  expect(within(section(2)).getByText('LUKKET PUNKT')).toBeTruthy();
  // The closed item's decision is not among the rows read: the page claims nothing about it.
  expect(within(section(2)).queryByText('Ingen beslutning')).toBeNull();
  expect(within(section(3)).getByText('Ingen beslutning')).toBeTruthy();
  expect(within(section(1)).queryByText('LUKKET PUNKT')).toBeNull();
  expect(within(section(1)).getByText('Ansvarlig: Fagligt Administrativt Sekretariat')).toBeTruthy();
});

test('the search lists an item without a decision and marks a closed one', async () => {
  const lists = new MemoryListStore();
  await lists.replaceAgenda('m', [item(1, 'Budget'), item(2, 'Personalesag', true)]);
  render(
    <AppShell theme="default" locale="da">
      <ArchivePage today={TODAY} lists={lists} />
    </AppShell>,
  );
  const results = await screen.findByRole('list', { name: 'Beslutningsarkiv' });
  const [first, second] = within(results).getAllByRole('listitem');
  expect(within(first).getByRole('heading', { level: 2 }).textContent).toBe('Punkt 1: Budget');
  expect(within(first).getByText('Ingen beslutning')).toBeTruthy();
  expect(within(second).getByRole('heading', { level: 2 }).textContent).toBe('Punkt 2: Personalesag');
  expect(within(second).getByText('LUKKET PUNKT')).toBeTruthy();
});

test('two meetings of one key in two secretariats are two meetings: each card names its organizer, and one meeting shows only its own place', async () => {
  const meeting = (place: string, upn: string, name: string) => ({
    key: 'k1',
    place,
    series: 'Rådmandsmøder',
    title: 'Rådmandsmøde',
    start: '2026-11-20T08:00:00Z',
    end: '2026-11-20T09:00:00Z',
    location: '',
    organizer: { upn, name },
    attendees: [],
    status: 'Afsluttet' as const,
    agendaVersion: 1,
  });
  const decision = (place: string, text: string) => ({
    meetingKey: 'k1',
    place,
    itemNumber: 1,
    itemTitle: 'Budget',
    text,
    status: 'Endelig' as const,
    editorUpn: '',
    updatedAt: '2026-11-20T08:30:00Z',
  });
  const rows: ArchiveRows = {
    meetings: [
      meeting('birgittes/k1', 'birgitte@kommune.example', 'Birgitte Skov'),
      meeting('sofies/k1', 'sofie@kommune.example', 'Sofie Holm'),
    ],
    items: [],
    decisions: [decision('birgittes/k1', 'Forfalsket'), decision('sofies/k1', 'Vedtaget')],
    followUps: [],
  };
  const lists = { readArchive: async () => rows } as unknown as ListStore;
  const { unmount } = render(
    <AppShell theme="default" locale="da">
      <ArchivePage today={TODAY} lists={lists} />
    </AppShell>,
  );
  const results = await screen.findByRole('list', { name: 'Beslutningsarkiv' });
  const cards = within(results)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
  expect(cards).toHaveLength(2);
  expect(cards.find((c) => c.includes('Vedtaget'))).toContain('Organisator: Sofie Holm');
  expect(cards.find((c) => c.includes('Forfalsket'))).toContain('Organisator: Birgitte Skov');
  unmount();

  render(
    <AppShell theme="default" locale="da">
      <ArchivePage today={TODAY} lists={lists} meetingKey="k1" place="sofies/k1" />
    </AppShell>,
  );
  const article = (await screen.findByRole('heading', { level: 2, name: 'Punkt 1: Budget' })).closest(
    'article',
  )!;
  expect(article.textContent).toContain('Organisator: Sofie Holm');
  expect(article.textContent).toContain('Vedtaget');
  expect(article.textContent).not.toContain('Forfalsket');
});

test('an item of a meeting still to be held says so, not "Ingen beslutning"', async () => {
  const meeting = (key: string, day: string) => ({
    key,
    place: key,
    series: 'Rådmandsmøder',
    title: 'Rådmandsmøde',
    start: `${day}T10:00:00Z`,
    end: `${day}T11:00:00Z`,
    location: '',
    organizer: { upn: 'sofie@kommune.example', name: 'Sofie Holm' },
    attendees: [],
    status: 'Udsendt' as const,
    agendaVersion: 1,
  });
  const agendaItem = (key: string, title: string) => ({
    ...item(1, title),
    meetingKey: key,
    place: key,
  });
  const rows = {
    meetings: [meeting('held', '2026-12-01'), meeting('today', TODAY), meeting('next', '2026-12-14')],
    items: [agendaItem('held', 'Budget'), agendaItem('today', 'Bordrunde'), agendaItem('next', 'Anlæg')],
    decisions: [],
    followUps: [],
  } as unknown as ArchiveRows;
  const lists = { readArchive: async () => rows } as unknown as ListStore;
  render(
    <AppShell theme="default" locale="da">
      <ArchivePage today={TODAY} lists={lists} />
    </AppShell>,
  );
  const results = await screen.findByRole('list', { name: 'Beslutningsarkiv' });
  const card = (title: string) =>
    within(results)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '')
      .find((c) => c.includes(title));
  expect(card('Anlæg')).toContain('Mødet er ikke holdt endnu');
  expect(card('Anlæg')).not.toContain('Ingen beslutning');
  expect(card('Budget')).toContain('Ingen beslutning');
  expect(card('Bordrunde')).toContain('Ingen beslutning');
});

/**
 * `npm run -s search -- "ord" [--json] [--as UPN] [--series S] [--year 2024] [--category "Til godkendelse"]
 * [--owner FAS]` — full-text search in every decision, item and follow-up the person may read.
 */
import { CATEGORIES, type Category } from '../src/domain/agendaItem';
import { fieldText, markParts, type ArchiveHit } from '../src/domain/archive/searchIndex';
import { loadArchive } from '../src/app/archive';
import { describeError } from './describeError';
import { processOutput, type CliOutput } from './output';
import { openSession, parseArgs } from './session';

export async function searchMain(argv: string[], io: CliOutput = processOutput): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const text = positional.join(' ');
  const category = flags.get('category') as string | undefined;
  if (category && !CATEGORIES.includes(category as Category)) {
    io.err(`Fejl: ukendt kategori "${category}". Brug en af: ${CATEGORIES.join(', ')}.\n`);
    return 2;
  }
  const year = flags.has('year') ? Number(flags.get('year')) : undefined;
  if (year !== undefined && !Number.isInteger(year)) {
    io.err('Fejl: --year skal være et årstal, fx 2024.\n');
    return 2;
  }
  const as = (flags.get('as') as string | undefined) ?? process.env.MOEDE_AS ?? 'sofie@kommune.example';
  const session = await openSession({ as, graph: flags.get('graph') as string | undefined });
  try {
    const index = await loadArchive(session.lists);
    const started = performance.now();
    const hits = index.search({
      text,
      series: flags.get('series') as string | undefined,
      year,
      category: category as Category | undefined,
      owner: flags.get('owner') as string | undefined,
      limit: flags.has('limit') ? Number(flags.get('limit')) : 20,
    });
    const ms = performance.now() - started;
    if (flags.has('json')) {
      io.out(
        `${JSON.stringify({ query: text, hits: hits.map(toJson), searchedEntries: index.size, ms: Math.round(ms * 10) / 10 }, null, 2)}\n`,
      );
      return 0;
    }
    if (hits.length === 0) io.out(`Ingen beslutninger fundet for "${text}".\n`);
    const bold = io.outIsTTY ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => `«${s}»`;
    for (const hit of hits) {
      const e = hit.entry;
      io.out(
        `${e.date || 'uden dato'}  ${e.series || '(ukendt serie)'}${e.organizer ? `  (${e.organizer})` : ''}\n  Punkt ${e.itemNumber}: ${marked(hit, 'itemTitle', bold)}\n`,
      );
      if (e.decision) io.out(`  ${snippet(hit, bold)}\n`);
      io.out(`  ${link(hit)}\n\n`);
    }
    return 0;
  } finally {
    await session.close();
  }
}

function marked(hit: ArchiveHit, field: 'itemTitle' | 'decision', bold: (s: string) => string): string {
  const ranges = hit.highlights.find((h) => h.field === field)?.ranges ?? [];
  return markParts(fieldText(hit.entry, field), ranges)
    .map((p) => (p.hit ? bold(p.text) : p.text))
    .join('');
}

/** The decision around its first hit, on one line. */
function snippet(hit: ArchiveHit, bold: (s: string) => string): string {
  const ranges = hit.highlights.find((h) => h.field === 'decision')?.ranges ?? [];
  const text = hit.entry.decision;
  const from = Math.max(0, (ranges[0]?.[0] ?? 0) - 80);
  const to = Math.min(text.length, from + 240);
  const inside = ranges
    .filter(([s, e]) => s >= from && e <= to)
    .map(([s, e]) => [s - from, e - from] as [number, number]);
  const body = markParts(text.slice(from, to), inside)
    .map((p) => (p.hit ? bold(p.text) : p.text))
    .join('');
  return `${from > 0 ? '…' : ''}${body.replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
}

function link(hit: ArchiveHit): string {
  const app = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const page = hit.entry.live ? 'meeting.html' : 'archive.html';
  // The archive knows a meeting by its place (two of one key may exist); the meeting page by its event.
  const place = hit.entry.live ? '' : `&place=${encodeURIComponent(hit.entry.place)}`;
  return `${app}/${page}?meeting=${encodeURIComponent(hit.entry.meetingKey)}${place}#punkt-${hit.entry.itemNumber}`;
}

function toJson(hit: ArchiveHit) {
  const e = hit.entry;
  return {
    meetingKey: e.meetingKey,
    organizer: e.organizer || null,
    date: e.date || null,
    series: e.series || null,
    item: { number: e.itemNumber, title: e.itemTitle, category: e.category },
    decision: e.decision || null,
    followUps: e.followUps,
    highlights: hit.highlights,
    score: Math.round(hit.score * 100) / 100,
    link: link(hit),
  };
}

if (require.main === module)
  searchMain(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`Fejl: ${describeError(e)}\n`);
      process.exitCode = 1;
    },
  );

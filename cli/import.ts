/**
 * `npm run -s import -- FILE [FILE…] --json` — old meeting exports (text, .docx) to meetings as JSON; each
 * item carries its indstilling (`{ title, points, sections, bilag, caseWorker? }`) or null.
 * `npm run import -- FILE… --to-sharepoint --as sofie@kommune.example` — and into the lists, idempotently.
 * Exit codes: 0 done, 1 could not write, 2 a file is not a meeting export (or cannot be read).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { SingleBar } from 'cli-progress';
import mammoth from 'mammoth';
import { parseExport, NotAMeetingExport } from '../src/domain/history/parseExport';
import type { ImportResult } from '../src/domain/history/importedMeeting';
import { importWarningText, notAnExportText } from '../src/i18n/importWords';
import { importMeetings } from '../src/app/importMeetings';
import { describeError } from './describeError';
import { processOutput, type CliOutput } from './output';
import { openSession, parseArgs } from './session';

const USAGE = `Brug: npm run -s import -- FIL [FIL…] [--json] [--to-sharepoint --as UPN] [--graph URL]`;

async function textOf(file: string): Promise<string> {
  if (extname(file).toLowerCase() === '.docx') {
    return (await mammoth.extractRawText({ path: file })).value;
  }
  const bytes = await readFile(file);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  }
  if (bytes.includes(0)) throw new NotAMeetingExport(basename(file), 'binary');
  return bytes.toString('utf8');
}

export async function importMain(argv: string[], io: CliOutput = processOutput): Promise<number> {
  const { positional: files, flags } = parseArgs(argv);
  if (files.length === 0 || flags.has('help')) {
    io.err(`${USAGE}\n`);
    return files.length === 0 ? 2 : 0;
  }
  const result: { meetings: ImportResult['meetings']; warnings: string[] } = { meetings: [], warnings: [] };
  for (const file of files) {
    try {
      const parsed = parseExport(await textOf(file), basename(file));
      result.meetings.push(...parsed.meetings);
      result.warnings.push(...parsed.warnings.map((w) => importWarningText(w)));
    } catch (e) {
      const message =
        e instanceof NotAMeetingExport
          ? notAnExportText(e.source, e.reason)
          : `${basename(file)} kan ikke læses: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen findes ikke' : (e as Error).message}`;
      io.err(`Fejl: ${message}\n`);
      return 2;
    }
  }

  if (flags.has('json')) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else if (!flags.has('to-sharepoint')) {
    for (const m of result.meetings) {
      const decisions = m.items.filter((i) => i.decision).length;
      const indstillinger = m.items.filter((i) => i.indstilling).length;
      io.out(
        `${m.date ?? 'uden dato'}  ${m.series ?? '(ukendt serie)'}  ${m.kind === 'minutes' ? 'referat' : 'dagsorden'}: ${m.items.length} punkter, ${decisions} beslutninger${indstillinger ? `, ${indstillinger} indstillinger` : ''}\n`,
      );
    }
    for (const w of result.warnings) io.err(`Advarsel: ${w}\n`);
  }

  if (flags.has('to-sharepoint')) {
    const as = flags.get('as');
    if (typeof as !== 'string') {
      io.err('Fejl: --to-sharepoint kræver --as UPN (den der importerer, fx sofie@kommune.example).\n');
      return 2;
    }
    const session = await openSession({ as, graph: flags.get('graph') as string | undefined });
    const bar =
      io.errIsTTY && result.meetings.length > 1
        ? new SingleBar({ format: 'Importerer {bar} {value}/{total} møder', hideCursor: true })
        : null;
    bar?.start(result.meetings.length, 0);
    try {
      const report = await importMeetings(session, session.me, result.meetings, {
        onProgress: (done) => bar?.update(done),
      });
      bar?.stop();
      io.err(
        `Importeret til ${session.where}: ${report.meetings} møder, ${report.written} rækker skrevet, ${report.unchanged} uændrede.\n`,
      );
    } catch (e) {
      bar?.stop();
      io.err(`Fejl: ${describeError(e)}\n`);
      return 1;
    } finally {
      await session.close();
    }
  }
  return 0;
}

if (require.main === module)
  importMain(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`Fejl: ${describeError(e)}\n`);
      process.exitCode = 1;
    },
  );

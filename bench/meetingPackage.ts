import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { meetingPackagePdf } from '../src/adapters/documents/meetingPackagePdf';
import { MemoryBilagStore } from '../src/adapters/memory/memoryBilagStore';
import { buildMeetingPackage } from '../src/app/meetingPackage';
import type { MeetingView } from '../src/app/openMeeting';
import type { AgendaItem } from '../src/domain/agendaItem';
import { emptyIndstilling } from '../src/domain/indstilling/indstilling';

/** An image that does not compress (noise), so a bilag weighs what a scanned page or a chart does. */
function noisePng(side: number, seed: number): Uint8Array {
  const png = new PNG({ width: side, height: side });
  let x = seed;
  for (let i = 0; i < png.data.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    png.data[i] = i % 4 === 3 ? 255 : x >> 16;
  }
  return PNG.sync.write(png);
}

/** A bilag of `pages` pages of text, the first with a picture. */
async function bilagPdf(title: string, pages: number, seed: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const image = await doc.embedPng(noisePng(160, seed));
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage();
    page.drawText(`${title}, side ${n}`, { x: 50, y: 780, size: 14, font });
    for (let l = 0; l < 40; l++)
      page.drawText(`Linje ${l + 1}: budgettet for området er lagt efter rammerne og drøftet.`, {
        x: 50,
        y: 750 - l * 16,
        size: 10,
        font,
      });
    if (n === 1) page.drawImage(image, { x: 350, y: 560, width: 160, height: 160 });
  }
  return doc.save();
}

/**
 * The meeting package for a 10-item meeting with 30 bilag (3 per item, 2–4 pages each), made as the page
 * makes it (buildMeetingPackage with the pdf-lib renderer) against an in-memory bilag store, so the figure
 * is the package's own work, not the network's. Run in Node: the same JavaScript the browser runs.
 */
export async function benchMeetingPackage(opts: { items: number; bilagPerItem: number }) {
  const bilag = new MemoryBilagStore();
  const items: AgendaItem[] = [];
  let bilagBytes = 0;
  for (let n = 1; n <= opts.items; n++) {
    items.push({
      id: `item-${n}`,
      number: n,
      title: `Punkt om emne ${n}`,
      category: 'Til godkendelse',
      durationMinutes: 15,
      guests: [],
      closed: n % 5 === 0,
      attachments: [],
      indstilling: {
        ...emptyIndstilling(),
        recipient: 'rådmanden',
        title: `Punkt om emne ${n}`,
        points: ['rådmanden godkender indstillingen.', 'rådmanden tager status til efterretning.'],
        sections: { sagsfremstilling: 'Sagen er beskrevet i bilagene.\n\n'.repeat(8).trim() },
      },
    });
    for (let b = 1; b <= opts.bilagPerItem; b++) {
      const bytes = await bilagPdf(`Bilag ${b} til punkt ${n}`, 2 + (b % 3), n * 10 + b);
      bilagBytes += bytes.length;
      await bilag.upload('bench', `item-${n}`, { name: `Bilag ${b}.pdf`, bytes, type: 'application/pdf' });
    }
  }
  const view = {
    key: 'bench',
    meeting: {
      organizer: { upn: 'sofie@kommune.example', name: 'Sofie' },
      attendees: [{ upn: 'anders@kommune.example', name: 'Anders' }],
      series: 'Rådmandsmøder',
      title: 'Rådmandsmøde',
      start: '2026-12-09T10:00:00',
      end: '2026-12-09T12:00:00',
      location: 'Rådhuset',
    },
    items,
    absences: [],
  } as unknown as MeetingView;
  const started = performance.now();
  const made = await buildMeetingPackage(
    {
      me: { upn: 'anders@kommune.example', name: 'Anders' },
      bilag,
      packageRenderer: { pdf: meetingPackagePdf },
    },
    view,
    'reader',
  );
  const ms = Math.round(performance.now() - started);
  return {
    'meetingPackage.items': opts.items,
    'meetingPackage.bilag': opts.items * opts.bilagPerItem,
    'meetingPackage.buildMs': ms,
    'meetingPackage.sizeKB': Math.round(made.bytes.length / 1024),
    'meetingPackage.bilagSizeKB': Math.round(bilagBytes / 1024),
    'meetingPackage.overheadPct': Math.round((made.bytes.length / bilagBytes - 1) * 1000) / 10,
  };
}

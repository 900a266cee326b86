/**
 * "Hent mødemappe" as a use case: the bilag each reader's store gives go in (a PDF as it is, an Office file
 * through the store's conversion, or named when it cannot be converted), a refusal carries its code.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { meetingPackagePdf } from '../../src/adapters/documents/meetingPackagePdf';
import { MemoryBilagStore } from '../../src/adapters/memory/memoryBilagStore';
import { buildMeetingPackage } from '../../src/app/meetingPackage';
import type { MeetingView } from '../../src/app/openMeeting';
import type { BilagStore } from '../../src/ports/BilagStore';
import { PortError } from '../../src/ports/errors';
import { item, person } from '../domain/helpers';

jest.setTimeout(60_000);

async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Bilagets tekst', { x: 50, y: 700, font, size: 12 });
  return doc.save();
}

const view = {
  key: 'k1',
  meeting: {
    organizer: person('Sofie Holm'),
    attendees: [person('Anders Lund')],
    series: 'Rådmandsmøder',
    title: 'Rådmandsmøde',
    start: '2026-12-09T10:00:00',
    end: '2026-12-09T12:00:00',
    location: 'Rådhuset',
    informationNote: 'Husk kaffe.',
  },
  items: [item(1, 'Budget'), item(2, 'Personalesag', { closed: true })],
  absences: [],
} as unknown as MeetingView;

test('PDF bilag go in, an Office file the store cannot convert is named, the file is named by the day', async () => {
  const bilag = new MemoryBilagStore();
  await bilag.upload('k1', 'item-1', {
    name: 'Notat.pdf',
    bytes: await onePagePdf(),
    type: 'application/pdf',
  });
  await bilag.upload('k1', 'item-2', {
    name: 'Tal.xlsx',
    bytes: new Uint8Array([80, 75]),
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const made = await buildMeetingPackage(
    { me: person('Anders Lund'), bilag, packageRenderer: { pdf: meetingPackagePdf } },
    view,
    'reader',
  );
  expect(made.fileName).toBe('Mødemappe 2026-12-09.pdf');
  expect(made.leftOut).toEqual([{ itemNumber: 2, name: 'Tal.xlsx', reason: 'notConvertible' }]);
  // cover, contents, item 1, Notat.pdf, item 2
  expect((await PDFDocument.load(made.bytes)).getPageCount()).toBe(5);
});

test('the public package fetches nothing of a closed item; a member asking for it is refused with a code', async () => {
  const asked: string[] = [];
  const bilag = new MemoryBilagStore();
  const spying: BilagStore = {
    list: async (m, id) => (asked.push(id), bilag.list(m, id)),
    upload: (m, id, f) => bilag.upload(m, id, f),
    download: (m, id, n) => bilag.download(m, id, n),
    pdf: (m, id, n) => bilag.pdf(m, id, n),
  };
  const renderer = { pdf: meetingPackagePdf };
  const made = await buildMeetingPackage(
    { me: person('Sofie Holm'), bilag: spying, packageRenderer: renderer },
    view,
    'public',
  );
  expect(asked).toEqual(['item-1']);
  expect(made.fileName).toBe('Offentlig mødemappe 2026-12-09.pdf');
  const refused = await buildMeetingPackage(
    { me: person('Anders Lund'), bilag, packageRenderer: renderer },
    view,
    'public',
  ).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(PortError);
  expect((refused as PortError).details.code).toBe('onlyOrganizerPublicPackage');
});

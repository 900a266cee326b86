/**
 * "Hent mødemappe" in the browser (issue 25 point 3): the secretary adds PDF bilag to an open, a closed and a
 * guest's item (and a Word file the local server cannot convert) and sends the agenda; an attendee, the guest
 * (kamilla) and an outsider (peter) each ask for the package with their own token and get exactly their part,
 * read from the downloaded PDF's text; the organizer's public package shows the closed item as "Lukket punkt".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { seriousAxeViolations } from './axe';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(240_000);
const U = (name: string) => `${name}@kommune.example`;
const CLOSED = 'Personalesag';
const GUESTS_ITEM = 'Status på Integrationshandleplanen';
const TEXT = { open: 'Budgetbilagets tekst', guest: 'Handleplanens tekst', closed: 'Fortrolige oplysninger' };
const dir = mkdtempSync(join(tmpdir(), 'moedemappe-e2e-'));
let stack: Stack;
let key: string;

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

async function pdfSaying(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { x: 60, y: 700, size: 14, font });
  return Buffer.from(await doc.save());
}

async function numberOf(page: Page, title: string): Promise<number> {
  const heading = page.getByRole('heading', { level: 3, name: new RegExp(`^Punkt \\d+: ${title}`) });
  return Number(/^Punkt (\d+):/.exec((await heading.first().textContent()) ?? '')![1]);
}

/** Clicks `button`, saves the download, and gives its name and text (Mozilla's pdf.js, all pages). */
async function download(page: Page, button: string, as: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = join(dir, `${as}.pdf`);
  await file.saveAs(path);
  const pages = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, '../support/pdfText.mjs'), path], { encoding: 'utf8' }),
  ) as string[];
  return { name: file.suggestedFilename(), text: pages.join(' ').replace(/\s+/g, ' ') };
}

test('each reader downloads exactly their part of the meeting package', async () => {
  const sofie = await (await stack.person(U('sofie'))).open('taskpane.html', { meeting: key });
  await sofie.getByRole('button', { name: 'Rediger punkt 1' }).waitFor();
  const items = { open: 1, guest: await numberOf(sofie, GUESTS_ITEM), closed: await numberOf(sofie, CLOSED) };
  for (const which of ['open', 'guest', 'closed'] as const) {
    const n = items[which];
    await sofie.getByRole('button', { name: `Rediger punkt ${n}` }).click();
    const dialog = sofie.getByRole('dialog', { name: `Rediger punkt ${n}` });
    const files = [
      { name: `${which}.pdf`, mimeType: 'application/pdf', buffer: await pdfSaying(TEXT[which]) },
    ];
    if (which === 'open')
      files.push({
        name: 'Notat.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from('PK\u0003\u0004 not converted here'),
      });
    await dialog.getByLabel(`Tilføj bilag til punkt ${n}`).setInputFiles(files);
    for (const f of files) await dialog.getByRole('link', { name: f.name }).waitFor();
    await dialog.getByRole('button', { name: 'Færdig' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  await sofie.getByRole('button', { name: 'Send dagsorden' }).click();
  await sofie.getByText(/Dagsordenen er sendt/).waitFor();

  const anders = await (await stack.person(U('anders'))).open('meeting.html', { meeting: key });
  const own = await download(anders, 'Hent mødemappe', 'anders');
  expect(own.name).toMatch(/^Mødemappe \d{4}-\d{2}-\d{2}\.pdf$/);
  for (const text of Object.values(TEXT)) expect(own.text).toContain(text);
  expect(own.text).toContain(`Punkt ${items.closed}: LUKKET PUNKT – ${CLOSED}`);
  expect(own.text).toContain('Notat.docx – ikke med i mødemappen');
  expect(own.text).toMatch(/Side 1 af \d+/);
  await anders.getByText(/er hentet\. Ikke med i mødemappen: Notat\.docx \(punkt 1\)/).waitFor();
  expect(await anders.getByRole('button', { name: 'Hent offentlig mødemappe' }).count()).toBe(0);
  expect(await seriousAxeViolations(anders)).toEqual([]);

  const kamilla = await (await stack.person(U('kamilla'))).open('meeting.html', { meeting: key });
  const hers = await download(kamilla, 'Hent mødemappe', 'kamilla');
  expect(hers.text).toContain(`Punkt ${items.guest}: ${GUESTS_ITEM}`);
  expect(hers.text).toContain(TEXT.guest);
  expect(hers.text).not.toContain(TEXT.open);
  expect(hers.text).not.toContain(TEXT.closed);
  expect(hers.text).not.toContain(CLOSED);
  expect(hers.text).not.toContain('Punkt 1:');

  const peter = await (await stack.person(U('peter'))).open('meeting.html', { meeting: key });
  await peter.getByText(/Du er ikke inviteret til dette møde/).waitFor();
  expect(await peter.getByRole('button', { name: 'Hent mødemappe' }).count()).toBe(0);

  const open = await download(sofie, 'Hent offentlig mødemappe', 'offentlig');
  expect(open.name).toMatch(/^Offentlig mødemappe \d{4}-\d{2}-\d{2}\.pdf$/);
  expect(open.text).toContain(`Punkt ${items.closed}: Lukket punkt`);
  expect(open.text).toContain(TEXT.open);
  expect(open.text).toContain(TEXT.guest);
  expect(open.text).not.toContain(TEXT.closed);
  expect(open.text).not.toContain(CLOSED);
});

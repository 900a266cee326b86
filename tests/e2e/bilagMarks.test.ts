/**
 * Issue 25 bilag follow-ups in the browser. "Ændret efter udsendelse": an attendee who opened an item's bilag
 * list sees a file the secretary replaced afterwards marked, until he opens it; an attendee who never opened
 * the list sees no mark. The Word import in the task pane stores the document as the item's first bilag,
 * once however often it is imported.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(240_000);
const U = (name: string) => `${name}@kommune.example`;
const CHANGED = 'Ændret efter udsendelse';
let stack: Stack;
let key: string;

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

const pdf = (text: string) => ({
  name: 'Budget.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`),
});

async function secretaryUploads(sofie: Page, n: number, file: ReturnType<typeof pdf>) {
  await sofie.getByRole('button', { name: `Rediger punkt ${n}` }).click();
  const dialog = sofie.getByRole('dialog', { name: `Rediger punkt ${n}` });
  await dialog.getByLabel(`Tilføj bilag til punkt ${n}`).setInputFiles(file);
  await dialog.getByText(`${file.name} er gemt.`).waitFor();
  await dialog.getByRole('button', { name: 'Færdig' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The item's bilag on the meeting page, asked for; the list item of `name`. */
async function bilagRow(page: Page, n: number, name: string) {
  await page.getByRole('button', { name: `Vis bilag til punkt ${n}` }).click();
  const list = page.getByRole('region', { name: `Bilag til punkt ${n}` });
  const row = list.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
  await row.waitFor();
  return row;
}

test('a bilag replaced after an attendee opened the list is marked for him until he opens it, not for one who never looked', async () => {
  const sofie = await (await stack.person(U('sofie'))).open('taskpane.html', { meeting: key });
  await secretaryUploads(sofie, 1, pdf('first'));

  const anders = await (await stack.person(U('anders'))).open('meeting.html', { meeting: key });
  expect(await (await bilagRow(anders, 1, 'Budget.pdf')).getByText(CHANGED).count()).toBe(0);

  await secretaryUploads(sofie, 1, pdf('second'));

  await anders.reload();
  const row = await bilagRow(anders, 1, 'Budget.pdf');
  await row.getByText(CHANGED).waitFor();
  const louise = await (await stack.person(U('louise'))).open('meeting.html', { meeting: key });
  expect(await (await bilagRow(louise, 1, 'Budget.pdf')).getByText(CHANGED).count()).toBe(0);

  const [download] = await Promise.all([
    anders.waitForEvent('download'),
    row.getByRole('link', { name: 'Budget.pdf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Budget.pdf');
  await row.getByText(CHANGED).waitFor({ state: 'detached' });
  await anders.reload();
  expect(await (await bilagRow(anders, 1, 'Budget.pdf')).getByText(CHANGED).count()).toBe(0);
});

/** A case worker's indstilling as Word writes it: heading styles and a numbered list of "at"-points. */
async function wordIndstilling(point: string): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'points',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Indstilling til rådmanden', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Budget for integrationsindsatsen', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'INDSTILLING', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('Det indstilles,'),
          new Paragraph({ text: `at ${point}`, numbering: { reference: 'points', level: 0 } }),
          new Paragraph({ text: 'SAGSFREMSTILLING', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('Handleplanens fire indsatsområder er i gang.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

test('importing an indstilling from Word stores the document as the item’s first bilag, once', async () => {
  const sofie = await (await stack.person(U('sofie'))).open('taskpane.html', { meeting: key });
  await secretaryUploads(sofie, 2, { ...pdf('a bilag'), name: 'Bilag 1 Budget.pdf' });
  await sofie.getByRole('button', { name: 'Rediger punkt 2' }).click();
  const dialog = sofie.getByRole('dialog', { name: 'Rediger punkt 2' });
  for (const [k, point] of ['rådmanden godkender planen.', 'rådmanden godkender den nye plan.'].entries()) {
    await dialog.getByLabel('Importér indstilling (Word) til punkt 2').setInputFiles({
      name: `Indstilling version ${k + 1}.docx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await wordIndstilling(point),
    });
    const paper = sofie.getByRole('dialog', { name: 'Indstilling til punkt 2' });
    expect(await paper.getByRole('textbox', { name: /^1\. at/ }).inputValue()).toBe(point);
    await paper.getByRole('button', { name: 'Færdig' }).click();
    await paper.waitFor({ state: 'detached' });
    await dialog.getByText('Word-filen er gemt som punktets første bilag.').waitFor();
  }
  const links = dialog.getByRole('region', { name: 'Bilag til punkt 2' }).getByRole('link');
  await links.nth(1).waitFor();
  expect(await links.allTextContents()).toEqual(['Indstilling.docx', 'Bilag 1 Budget.pdf']);
});

/**
 * The upcoming demo meeting as it is held, in order (the tests share it): the referent runs the meeting
 * clock through the items and ends the meeting, which then offers the referat instead of "Start mødet";
 * after it, the referent downloads the referat as Word and PDF (opened and their text checked), sends it
 * for approval, the organizer approves it (the decisions become read-only) and sends it; the mail and the
 * event attachment are checked on the local Graph server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { nextMeetingKey, startStack, type Stack } from './harness';

jest.setTimeout(120_000);
let stack: Stack;
let key: string;

beforeAll(async () => {
  stack = await startStack();
  key = await nextMeetingKey(stack);
});
afterAll(() => stack?.close());

test('the referent starts the meeting clock, moves through the items and ends the meeting; the times are stored', async () => {
  const { open } = await stack.person('mads@kommune.example');
  const mads = await open('meeting.html', { meeting: key });
  const clock = mads.getByRole('region', { name: 'Mødeur' });
  await clock.getByRole('button', { name: 'Start mødet' }).click();
  await clock.getByRole('timer').filter({ hasText: 'Aktuelt punkt: Punkt 1' }).waitFor();
  await clock.getByRole('button', { name: 'Næste punkt (Punkt 2)' }).click();
  await clock.getByRole('timer').filter({ hasText: 'Aktuelt punkt: Punkt 2' }).waitFor();
  await clock.getByText(/Forventet slut: \d\d:\d\d/).waitFor();
  const sofie = await stack.graphAs('sofie@kommune.example');
  const res = await sofie(
    `/sites/kommune.sharepoint.com:/sites/moeder:/lists/MeetingProgress/items?$expand=fields&$filter=${encodeURIComponent(`fields/MeetingKey eq '${key}'`)}`,
  );
  // The clock is the referent's to write: it lives on MeetingProgress, not on the organizer's Meetings row.
  const row = ((await res.json()) as { value: Array<{ fields: { Timer: string; Status: string } }> }).value[0]
    .fields;
  expect(row.Status).toBe('I gang');
  expect(JSON.parse(row.Timer)).toMatchObject({ currentItem: 2, usedSeconds: { 1: expect.any(Number) } });
  // An attendee only sees the clock, without the controls.
  const anders = await (await stack.person('anders@kommune.example')).open('meeting.html', { meeting: key });
  await anders.getByRole('timer').filter({ hasText: 'Aktuelt punkt: Punkt 2' }).waitFor();
  expect(await anders.getByRole('button', { name: 'Start mødet' }).count()).toBe(0);

  // The referent ends the meeting: it is over, so the clock offers the referat instead of a new start.
  // "Afslut mødet" asks first; the clock runs on until it is confirmed.
  await clock.getByRole('button', { name: 'Afslut mødet' }).click();
  const confirm = mads.getByRole('dialog', { name: 'Afslut mødet?' });
  await confirm.getByRole('button', { name: 'Annuller' }).click();
  await confirm.waitFor({ state: 'detached' });
  await clock.getByRole('timer').filter({ hasText: 'Aktuelt punkt: Punkt 2' }).waitFor();
  await clock.getByRole('button', { name: 'Afslut mødet' }).click();
  await confirm.getByRole('button', { name: 'Afslut mødet' }).click();
  await clock.getByText('Mødet er slut.').waitFor();
  // Nothing stale after the meeting: no projected end, no "Direkte: …".
  expect(await clock.getByText(/Forventet slut/).count()).toBe(0);
  expect(await mads.getByText(/^Direkte:/).count()).toBe(0);
  await clock.getByRole('link', { name: 'Gå til referatet' }).waitFor();
  expect(await clock.getByRole('button', { name: 'Start mødet' }).count()).toBe(0);
});

test('download Word and PDF, approve, and send the referat', async () => {
  const madsPerson = await stack.person('mads@kommune.example');
  const mads = await madsPerson.open('meeting.html', { meeting: key });
  const box = mads.getByRole('textbox', { name: 'Beslutning for punkt 1', exact: true });
  await box.fill('Dagsordenen blev godkendt uden bemærkninger.');
  await box.blur();
  await mads.getByText('Gemt', { exact: true }).first().waitFor();

  const dir = mkdtempSync(join(tmpdir(), 'referat-e2e-'));
  const [word] = await Promise.all([
    mads.waitForEvent('download'),
    mads.getByRole('button', { name: 'Hent som Word' }).click(),
  ]);
  expect(word.suggestedFilename()).toMatch(/^Referat \d\d-\d\d-\d{4}\.docx$/);
  await word.saveAs(join(dir, 'referat.docx'));
  const text = (await mammoth.extractRawText({ path: join(dir, 'referat.docx') })).value.replace(/\s+/g, ' ');
  expect(text).toContain('Beslutning for Punkt 1: Dagsorden Dagsordenen blev godkendt uden bemærkninger.');
  expect(text).not.toContain('LUKKET PUNKT');

  await mads.getByRole('radio', { name: 'Med lukkede punkter' }).check();
  const [pdf] = await Promise.all([
    mads.waitForEvent('download'),
    mads.getByRole('button', { name: 'Hent som PDF' }).click(),
  ]);
  await pdf.saveAs(join(dir, 'referat.pdf'));
  const pages = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, '../support/pdfText.mjs'), join(dir, 'referat.pdf')], {
      encoding: 'utf8',
    }),
  ) as string[];
  const pdfText = pages.join(' ').replace(/\s+/g, ' ');
  expect(pdfText).toContain('Dagsordenen blev godkendt uden bemærkninger.');
  expect(pdfText).toContain('LUKKET PUNKT');

  await mads.getByRole('button', { name: 'Send til godkendelse' }).click();
  await mads.getByText('Status: Til godkendelse (version 1)').waitFor();
  expect(await mads.getByRole('button', { name: 'Godkend referatet' }).count()).toBe(0);

  const sofie = await (await stack.person('sofie@kommune.example')).open('meeting.html', { meeting: key });
  await sofie.getByText('Status: Til godkendelse (version 1)').waitFor();
  // The stepper: only the next step is primary, and the referat cannot be sent before it is approved.
  const steps = sofie.getByRole('list', { name: 'Referatets forløb' });
  expect(await steps.locator('[aria-current="step"]').textContent()).toContain(
    'Til godkendelse (nuværende trin)',
  );
  const send = sofie.getByRole('button', { name: 'Send referat' });
  expect(await send.isDisabled()).toBe(true);
  const approve = sofie.getByRole('button', { name: 'Godkend referatet' });
  const background = (b: typeof approve) => b.evaluate((e) => getComputedStyle(e).backgroundColor);
  // "Godkend referatet" is the primary (filled) button; downloads are not.
  expect(await background(approve)).not.toBe(
    await background(sofie.getByRole('button', { name: 'Hent som Word' })),
  );
  await approve.click();
  await sofie.getByText('Status: Godkendt (version 1)').waitFor();
  expect(await send.isDisabled()).toBe(false);
  expect(await sofie.getByRole('textbox', { name: 'Beslutning for punkt 1', exact: true }).count()).toBe(0);

  await sofie.getByRole('button', { name: 'Send referat' }).click();
  await sofie.getByRole('status').filter({ hasText: 'Referatet er sendt til deltagerne' }).waitFor();
  expect(await steps.locator('[aria-current="step"]').textContent()).toContain('Sendt (nuværende trin)');
  const mail = (
    (await (await fetch(`${stack.graph.origin}/_dev/mail`)).json()) as {
      value: Array<{
        sender: string;
        message: {
          subject: string;
          toRecipients: Array<{ emailAddress: { address: string } }>;
          attachments: Array<{ name: string }>;
        };
      }>;
    }
  ).value;
  const sent = mail.find((m) => m.sender === 'sofie@kommune.example')!;
  expect(sent.message.subject).toMatch(/^Referat: /);
  expect(sent.message.toRecipients.map((r) => r.emailAddress.address)).toContain('mads@kommune.example');
  expect(sent.message.attachments.map((a) => a.name)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Referat .*\.docx$/)]),
  );
});

/**
 * A committee meeting in the browser, each person in their own page with their own token: Poul's afbud
 * calls in his substitute Ib; Nanna declares inhabilitet on item 4 from her page and the referent records
 * the committee's decision on it; the referent records Signe's late arrival, Ahmad's inhabilitet, the vote and
 * Karen's protokoltilførsel through the dialogs; the referat is downloaded as text, HTML, Word and PDF and
 * read back; every present member signs; a correction after signing resets the signatures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Locator, Page } from 'playwright-core';
import { COMMITTEE_NAME, seedCommitteeDemo } from '../../demo/committee';
import { openCommittee, signProtocol } from '../../src/app/committee';
import { openMeeting } from '../../src/app/openMeeting';
import { sendReferatForApproval } from '../../src/app/referat';
import { registerAbsence } from '../../src/app/registerAbsence';
import { depsAs } from '../support/nodeDeps';
import { seriousAxeViolations } from './axe';
import { startStack, type Stack } from './harness';

jest.setTimeout(300_000);
const upn = (name: string) => `${name}@kommune.example`;
const SHOTS = join(__dirname, '../../test-results');

/** A named screenshot of the page as it is, at 320 px (the Teams side panel), the page's size kept after. */
async function shotAt320(page: Page, name: string, of: { scrollIntoViewIfNeeded(): Promise<void> }) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  await of.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, name), animations: 'disabled' });
  if (size) await page.setViewportSize(size);
}
let stack: Stack;
let key: string;

/**
 * The same moment as `who` sees it in Teams' three themes (the theme is in the page's address, so a page
 * each), at 320 px (side panel) and 1280 px (tab): `prepare` brings the page there and gives what to show.
 * Saved as test-results/NAME-WIDTH-THEME.png for a person to look at; axe stays clean.
 */
async function shotsOf(who: string, name: string, prepare: (page: Page) => Promise<Locator>) {
  const { context, open } = await stack.person(upn(who));
  try {
    for (const theme of ['default', 'dark', 'contrast']) {
      const page = await open('meeting.html', { meeting: key, theme });
      await page.setViewportSize({ width: 320, height: 720 });
      const target = await prepare(page);
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 720 });
        await target.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `${name}-${width}-${theme}.png`), animations: 'disabled' });
      }
      expect({ name, theme, axe: await seriousAxeViolations(page) }).toEqual({ name, theme, axe: [] });
      await page.close();
    }
  } finally {
    await context.close();
  }
}

beforeAll(async () => {
  stack = await startStack();
  await seedCommitteeDemo(stack.graph);
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 30 * 86400000).toISOString();
  const events = await depsAs(stack.graph, upn('sofie')).calendar.listMeetings(from, to);
  key = events.find((e) => e.subject === COMMITTEE_NAME)!.key;
});
afterAll(() => stack?.close());

async function download(page: Page, button: string, dir: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('a committee meeting end to end', async () => {
  const poul = depsAs(stack.graph, upn('poul'));
  await registerAbsence(poul, await openMeeting(poul, key), { kind: 'Afbud', substitute: 'Ib Mortensen' });

  // Nanna declares inhabilitet on item 4 from her own page; it waits for the committee's decision.
  const nanna = await (await stack.person(upn('nanna'))).open('meeting.html', { meeting: key, poll: '1000' });
  await nanna.getByRole('button', { name: 'Erklær inhabilitet på punkt 4' }).click();
  const declare = nanna.getByRole('dialog', { name: 'Erklær inhabilitet på punkt 4' });
  await declare.getByRole('textbox', { name: 'Begrundelse' }).fill('Min mand er direktør hos leverandøren.');
  await declare.getByRole('button', { name: 'Gem' }).click();
  await declare.waitFor({ state: 'detached' });
  const waiting =
    'Nanna Bering har erklæret sig inhabil: Min mand er direktør hos leverandøren. – afventer udvalgets beslutning';
  await nanna.getByText(waiting).waitFor();

  const mads = await (await stack.person(upn('mads'))).open('meeting.html', { meeting: key });

  const box = mads.getByRole('textbox', { name: 'Beslutning for punkt 3', exact: true });
  await box.fill('Indstillingen blev vedtaget.');
  await box.blur();
  await mads.getByText('Gemt', { exact: true }).first().waitFor();

  await mads.getByRole('button', { name: 'Fremmøde under punkt 3' }).click();
  let dialog = mads.getByRole('dialog', { name: 'Fremmøde under punkt 3' });
  await dialog.getByRole('checkbox', { name: 'Signe Lykke' }).uncheck();
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await dialog.waitFor({ state: 'detached' });

  await mads.getByRole('button', { name: 'Inhabilitet på punkt 3' }).click();
  dialog = mads.getByRole('dialog', { name: 'Inhabilitet på punkt 3' });
  await dialog.getByRole('combobox', { name: 'Medlem' }).selectOption({ label: 'Ahmad Nouri' });
  await dialog.getByRole('textbox', { name: 'Begrundelse' }).fill('Nær ven af ansøgeren.');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await dialog.waitFor({ state: 'detached' });

  await mads.getByRole('button', { name: 'Afstemning om punkt 3' }).click();
  dialog = mads.getByRole('dialog', { name: 'Afstemning om punkt 3' });
  expect(await dialog.getByRole('radiogroup', { name: 'Ahmad Nouri' }).count()).toBe(0);
  expect(await dialog.getByRole('radiogroup', { name: 'Signe Lykke' }).count()).toBe(0);
  const votes: Array<[string, string]> = [
    ['Henrik Dalgaard', 'For'],
    ['Mette Sørensen', 'For'],
    ['Jonas Frederiksen', 'For'],
    ['Karen Vestergaard', 'Imod'],
    ['Ib Mortensen', 'Imod'],
    ['Rasmus Holt', 'For'],
    ['Nanna Bering', 'Undlod'],
  ];
  for (const [name, choice] of votes)
    await dialog.getByRole('radiogroup', { name }).getByRole('radio', { name: choice }).check();
  await shotAt320(mads, 'committee-vote-dialog-referent-320.png', dialog.getByRole('radiogroup').first());
  await dialog.getByRole('button', { name: 'Gem afstemning' }).click();
  await dialog.waitFor({ state: 'detached' });
  // The vote shows on the item at once, with its counts; the names on demand.
  const item3 = mads.getByRole('region', { name: 'Protokol for punkt 3' });
  await item3.getByText('Resultat: Vedtaget 4–2, 1 undlod').waitFor();
  await item3.getByRole('button', { name: 'Vis navne' }).click();
  await item3.getByText('Imod stemte: Karen Vestergaard og Ib Mortensen (2)').waitFor();
  // On the referent's page as on the members': the result right under the decision, before the follow-ups.
  const top = async (of: Locator) => {
    const shown = await of.boundingBox();
    if (!shown) throw new Error(`not on the page: ${String(of)}`);
    return shown.y;
  };
  const order = [
    await top(box),
    await top(item3),
    await top(mads.getByRole('textbox', { name: 'Opfølgning for punkt 3' })),
  ];
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await shotAt320(mads, 'committee-vote-referent-320.png', item3);
  // Nanna, who declared inhabilitet on item 4 and has a page open, sees the result without reloading.
  await nanna
    .getByRole('region', { name: 'Protokol for punkt 3' })
    .getByText(/^Resultat: Vedtaget/)
    .waitFor();

  await mads.getByRole('button', { name: 'Protokoltilførsel på punkt 3' }).click();
  dialog = mads.getByRole('dialog', { name: 'Protokoltilførsel på punkt 3' });
  await dialog.getByRole('combobox', { name: 'Medlem' }).selectOption({ label: 'Karen Vestergaard' });
  await dialog.getByRole('textbox', { name: 'Tekst' }).fill('Venstre ønsker forslaget genberegnet.');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await dialog.waitFor({ state: 'detached' });
  await item3
    .getByText('Karen Vestergaard ønskede følgende ført til protokol: Venstre ønsker forslaget genberegnet.')
    .waitFor();
  await shotsOf('mads', 'committee-vote-referent', async (page) => {
    const item = page.getByRole('region', { name: 'Protokol for punkt 3' });
    await item.getByText(/^Karen Vestergaard ønskede følgende ført til protokol/).waitFor();
    return item;
  });

  // The referent finds Nanna's declaration waiting, prefilled in the dialog, and records the decision.
  await mads.getByText(waiting).waitFor();
  await mads.getByRole('button', { name: 'Inhabilitet på punkt 4' }).click();
  dialog = mads.getByRole('dialog', { name: 'Inhabilitet på punkt 4' });
  expect(await dialog.getByRole('combobox', { name: 'Medlem' }).inputValue()).toBe(upn('nanna'));
  expect(await dialog.getByRole('textbox', { name: 'Begrundelse' }).inputValue()).toBe(
    'Min mand er direktør hos leverandøren.',
  );
  await dialog.getByRole('radio', { name: 'Inhabil', exact: true }).check();
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await dialog.waitFor({ state: 'detached' });
  await mads.getByText(waiting).waitFor({ state: 'detached' });

  const lines = [
    'For stemte: Henrik Dalgaard, Mette Sørensen, Jonas Frederiksen og Rasmus Holt (4)',
    'Imod stemte: Karen Vestergaard og Ib Mortensen (2)',
    'Undlod at stemme: Nanna Bering (1)',
    'Resultat: Vedtaget',
    'Ahmad Nouri deltog ikke i behandlingen af punktet på grund af inhabilitet.',
    'Karen Vestergaard ønskede følgende ført til protokol: Venstre ønsker forslaget genberegnet.',
    'Fraværende under punktet: Signe Lykke',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'udvalg-e2e-'));
  await mads.getByRole('radio', { name: 'Med lukkede punkter' }).check();
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const texts = {
    text: flat(readFileSync(await download(mads, 'Hent som tekst', dir), 'utf8')),
    html: flat(readFileSync(await download(mads, 'Hent som HTML', dir), 'utf8').replace(/<[^>]+>/g, ' ')),
    docx: flat((await mammoth.extractRawText({ path: await download(mads, 'Hent som Word', dir) })).value),
    pdf: flat(
      (
        JSON.parse(
          execFileSync(
            process.execPath,
            [join(__dirname, '../support/pdfText.mjs'), await download(mads, 'Hent som PDF', dir)],
            {
              encoding: 'utf8',
            },
          ),
        ) as string[]
      ).join('\n'),
    ),
  };
  for (const [format, text] of Object.entries(texts))
    for (const line of lines) expect(`${format}: ${text}`).toContain(line);
  expect(texts.text).toMatch(/Protokolversion 1, kontrolsum [0-9a-f]{12}/);
  for (const [format, text] of Object.entries(texts))
    expect(`${format}: ${text}`).toMatch(
      /Punkt 4: (?:(?!Punkt 5:).)*Nanna Bering deltog ikke i behandlingen af punktet på grund af inhabilitet\./,
    );

  // The meeting ends; Henrik signs on his own page, the other present members through theirs.
  const madsDeps = depsAs(stack.graph, upn('mads'));
  const progress = await openMeeting(madsDeps, key);
  await madsDeps.lists.saveProgress(
    key,
    { ...progress.progress, status: 'Afsluttet' },
    progress.progressETag,
  );
  // Until the protocol is sent for approval and the organizer's page opens it, nobody can sign.
  const henrik = await (
    await stack.person(upn('henrik'))
  ).open('meeting.html', { meeting: key, poll: '1000' });
  await henrik.getByText(/^Beslutningsprotokollen er ikke åbnet for underskrift endnu\./).waitFor();
  expect(await henrik.getByRole('button', { name: 'Underskriv beslutningsprotokol' }).count()).toBe(0);
  await sendReferatForApproval(madsDeps, await openMeeting(madsDeps, key));
  // The organizer's page opens signing and stays open while members sign: the list updates by itself.
  const watching = await (
    await stack.person(upn('sofie'))
  ).open('meeting.html', { meeting: key, poll: '1000' });
  const missing = watching.getByRole('list', { name: 'Mangler underskrift' });
  await missing.getByRole('listitem').filter({ hasText: 'Henrik Dalgaard' }).waitFor();
  await henrik.getByRole('button', { name: 'Underskriv beslutningsprotokol' }).click();
  // What is signed is shown first: the protocol's text, its version and checksum.
  const signing = henrik.getByRole('dialog', { name: 'Underskriv beslutningsprotokol' });
  await signing.getByText(/Resultat: Vedtaget/).waitFor();
  await signing.getByText(/^Protokolversion 1, kontrolsum [0-9a-f]{12}$/).waitFor();
  await shotAt320(
    henrik,
    'committee-signing-member-320.png',
    signing.getByRole('button', { name: 'Underskriv', exact: true }),
  );
  await shotsOf('henrik', 'committee-signing-member', async (page) => {
    await page.getByRole('button', { name: 'Underskriv beslutningsprotokol' }).click();
    const dialog = page.getByRole('dialog', { name: 'Underskriv beslutningsprotokol' });
    await dialog.getByText(/^Protokolversion 1, kontrolsum [0-9a-f]{12}$/).waitFor();
    return dialog.getByRole('button', { name: 'Underskriv', exact: true });
  });
  await signing.getByRole('button', { name: 'Underskriv', exact: true }).click();
  await henrik.getByText('Du har underskrevet denne version.').waitFor();
  await watching
    .getByRole('list', { name: 'Underskrevet af' })
    .getByRole('listitem')
    .filter({ hasText: 'Henrik Dalgaard' })
    .waitFor();
  expect(await missing.getByRole('listitem').filter({ hasText: 'Henrik Dalgaard' }).count()).toBe(0);
  for (const name of ['mette', 'jonas', 'karen', 'ib', 'signe', 'ahmad', 'rasmus', 'nanna']) {
    const deps = depsAs(stack.graph, upn(name));
    const v = await openMeeting(deps, key);
    await signProtocol(deps, v, await openCommittee(deps, v));
  }
  const sofie = await (await stack.person(upn('sofie'))).open('meeting.html', { meeting: key });
  await sofie.getByText('Alle fremmødte medlemmer har underskrevet.').waitFor();

  // A correction after the signatures goes through the organizer: her page offers a new version, and
  // Henrik's open page follows by itself (version 2, nobody has signed it, his signature was of version 1).
  const sofieDeps = depsAs(stack.graph, upn('sofie'));
  const view = await openMeeting(sofieDeps, key);
  await sofieDeps.lists.saveDecision(
    key,
    {
      ...view.decisions[3].value,
      text: 'Indstillingen blev vedtaget med en rettelse.',
      editorUpn: upn('sofie'),
    },
    view.decisions[3].eTag,
  );
  const correcting = await (
    await stack.person(upn('sofie'))
  ).open('meeting.html', { meeting: key, poll: '1000' });
  await correcting.getByRole('button', { name: 'Lav ny version' }).click();
  await correcting.getByText('Version 2 er åbnet for underskrift.').waitFor();
  await henrik.getByText(/^Protokolversion 2, kontrolsum [0-9a-f]{12}$/).waitFor();
  await henrik.getByRole('button', { name: 'Underskriv beslutningsprotokol' }).waitFor();
  expect(await henrik.getByText('Du har underskrevet denne version.').count()).toBe(0);
});

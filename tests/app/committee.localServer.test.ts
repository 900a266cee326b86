import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { type GraphServer } from '../../devServer/server';
import { startDemoServer } from '../../demo/server';
import { COMMITTEE_NAME, seedCommitteeDemo } from '../../demo/committee';
import { documentRenderer } from '../../src/adapters/documents/documentRenderer';
import {
  addTilfoersel,
  decideInhabilitet,
  newProtocolVersion,
  openCommittee,
  recordAttendance,
  recordVote,
  referatCommitteeOf,
  setPublication,
  signProtocol,
  unsigned,
} from '../../src/app/committee';
import { openMeeting } from '../../src/app/openMeeting';
import { exportReferat, sendReferatForApproval, type ReferatFormat } from '../../src/app/referat';
import { registerAbsence } from '../../src/app/registerAbsence';
import type { VoteChoice } from '../../src/domain/committee/types';
import { depsAs } from '../support/nodeDeps';

/**
 * The committee demo (`npm start` seeds it) and one committee meeting played through the use cases against
 * the local server, each person with their own token: afbud with substitute, a late arrival, inhabilitet,
 * a vote with a protokoltilførsel, the referat exported and read back in all four formats, every present
 * member signs, and a correction after signing resets the signatures; the public protocol shows a closed
 * item as far as the organizer marked it publishable.
 */
jest.setTimeout(300_000);

const upn = (name: string) => `${name}@kommune.example`;
let server: GraphServer;
let past: string;
let next: string;
beforeAll(async () => {
  server = await startDemoServer({ port: 0, db: ':memory:', seed: 'demo', seedRandom: 1 });
  await seedCommitteeDemo(server);
  const from = new Date(Date.now() - 60 * 86400000).toISOString();
  const to = new Date(Date.now() + 60 * 86400000).toISOString();
  const mine = (await depsAs(server, upn('sofie')).calendar.listMeetings(from, to))
    .filter((e) => e.subject === COMMITTEE_NAME)
    .sort((a, b) => a.start.localeCompare(b.start));
  [past, next] = [mine[0].key, mine[1].key];
});
afterAll(() => server?.close());

test('the demo committee: nine members from four parties, a held meeting with its protocol, seeded once', async () => {
  const sofie = depsAs(server, upn('sofie'));
  const view = await openMeeting(sofie, past);
  const committee = await openCommittee(sofie, view);
  expect(committee.settings.members).toHaveLength(9);
  expect(new Set(committee.settings.members.map((m) => m.party))).toEqual(new Set(['A', 'V', 'F', 'Ø']));
  expect(committee.attendance.find((p) => p.upn === upn('ib'))?.asSubstituteFor?.upn).toBe(upn('karen'));
  expect(committee.record.votes.map((v) => v.itemNumber)).toEqual([4]);
  expect(committee.record.signatures.map((s) => s.member).sort()).toEqual([upn('henrik'), upn('rasmus')]);
  expect(unsigned(committee)).toHaveLength(7);
  expect((await openMeeting(sofie, next)).items.map((i) => i.title)).toEqual([
    'Godkendelse af dagsorden',
    'Godkendelse af referat',
    'Budget 2025: forslag til udvalgets budgetbidrag',
    'Kvalitetsstandard for socialpædagogisk støtte',
    'Klagesag om tildeling af hjælpemidler',
    'Orienteringspunkter',
    'Eventuelt',
  ]);
  // The items every committee meeting has are marked standing, so the next meeting is offered them.
  expect(
    (await openMeeting(sofie, next)).items.filter((i) => i.standing === true).map((i) => i.title),
  ).toEqual(['Godkendelse af dagsorden', 'Godkendelse af referat', 'Eventuelt']);
  await seedCommitteeDemo(server);
  const from = new Date(Date.now() - 60 * 86400000).toISOString();
  const to = new Date(Date.now() + 60 * 86400000).toISOString();
  expect(
    (await sofie.calendar.listMeetings(from, to)).filter((e) => e.subject === COMMITTEE_NAME),
  ).toHaveLength(2);
});

test('a committee meeting end to end, with the protocol read back in text, HTML, Word and PDF', async () => {
  const poul = depsAs(server, upn('poul'));
  await registerAbsence(poul, await openMeeting(poul, next), { kind: 'Afbud', substitute: 'Ib Mortensen' });
  const mads = depsAs(server, upn('mads'));
  let view = await openMeeting(mads, next);
  await mads.lists.saveDecision(next, {
    itemNumber: 3,
    itemTitle: view.items[2].title,
    text: 'Indstillingen blev vedtaget.',
    status: 'Endelig',
    editorUpn: upn('mads'),
    updatedAt: new Date().toISOString(),
  });
  view = await openMeeting(mads, next);
  await recordAttendance(mads, view, 3, [upn('signe')]);
  await decideInhabilitet(mads, view, {
    itemNumber: 3,
    member: upn('ahmad'),
    reason: 'Nær ven af ansøgeren.',
    decision: 'Inhabil',
  });
  const choices: Record<string, VoteChoice> = {
    [upn('henrik')]: 'For',
    [upn('mette')]: 'For',
    [upn('jonas')]: 'For',
    [upn('karen')]: 'Imod',
    [upn('ib')]: 'Imod',
    [upn('rasmus')]: 'For',
    [upn('nanna')]: 'Undlod',
  };
  const voted = await recordVote(mads, view, await openCommittee(mads, view), 3, choices);
  expect(voted.record.votes.map((v) => v.itemNumber)).toEqual([3]);
  const karen = depsAs(server, upn('karen'));
  const karenView = await openMeeting(karen, next);
  await addTilfoersel(karen, karenView, await openCommittee(karen, karenView), {
    itemNumber: 3,
    text: 'Venstre ønsker forslaget genberegnet.',
  });
  let committee = await openCommittee(mads, view);

  const lines = [
    'For stemte: Henrik Dalgaard, Mette Sørensen, Jonas Frederiksen og Rasmus Holt (4)',
    'Imod stemte: Karen Vestergaard og Ib Mortensen (2)',
    'Undlod at stemme: Nanna Bering (1)',
    'Resultat: Vedtaget',
    'Ahmad Nouri deltog ikke i behandlingen af punktet på grund af inhabilitet.',
    'Karen Vestergaard ønskede følgende ført til protokol: Venstre ønsker forslaget genberegnet.',
    'Fraværende under punktet: Signe Lykke',
    `Protokolversion 1, kontrolsum ${committee.checksum}`,
  ];
  const dir = mkdtempSync(join(tmpdir(), 'udvalg-'));
  const read: Record<ReferatFormat, (bytes: Uint8Array) => Promise<string>> = {
    txt: async (b) => new TextDecoder().decode(b),
    html: async (b) =>
      new TextDecoder()
        .decode(b)
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&'),
    docx: async (b) => (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value,
    pdf: async (b) => {
      const file = join(dir, 'protokol.pdf');
      writeFileSync(file, b);
      const pages = JSON.parse(
        execFileSync(process.execPath, [join(__dirname, '../support/pdfText.mjs'), file], {
          encoding: 'utf8',
        }),
      ) as string[];
      return pages.join('\n');
    },
  };
  for (const format of ['txt', 'html', 'docx', 'pdf'] as const) {
    const file = await exportReferat(
      documentRenderer,
      view,
      'members',
      format,
      'da',
      referatCommitteeOf(view, committee),
    );
    const text = (await read[format](file.bytes)).replace(/\s+/g, ' ');
    for (const line of lines) expect(`${format}: ${text}`).toContain(line);
  }

  // The referent sends the protocol for approval; the organizer's page freezes it and opens signing.
  await sendReferatForApproval(mads, await openMeeting(mads, next));
  const sofie = depsAs(server, upn('sofie'));
  expect((await openCommittee(sofie, await openMeeting(sofie, next))).signingOpen).toBe(true);
  // Every member present signs (Ib in Poul's place).
  for (const name of ['henrik', 'mette', 'jonas', 'karen', 'ib', 'signe', 'ahmad', 'rasmus', 'nanna']) {
    const deps = depsAs(server, upn(name));
    const v = await openMeeting(deps, next);
    committee = await signProtocol(deps, v, await openCommittee(deps, v));
  }
  expect(unsigned(committee)).toEqual([]);
  expect(committee.record.signatures).toHaveLength(9);
  const signedSum = committee.checksum;
  // The referent can no longer correct a decision; the organizer can, and makes version 2 of it.
  const correction = (editorUpn: string) => ({
    itemNumber: 3,
    itemTitle: view.items[2].title,
    text: 'Indstillingen blev vedtaget med en rettelse.',
    status: 'Endelig' as const,
    editorUpn,
    updatedAt: new Date().toISOString(),
  });
  await expect(
    mads.lists.saveDecision(next, correction(upn('mads')), (await openMeeting(mads, next)).decisions[3].eTag),
  ).rejects.toThrow();
  const sofieView = await openMeeting(sofie, next);
  await sofie.lists.saveDecision(next, correction(upn('sofie')), sofieView.decisions[3].eTag);
  const changed = await openCommittee(sofie, await openMeeting(sofie, next));
  expect(changed.signingOpen).toBe(false);
  const after = await newProtocolVersion(sofie, await openMeeting(sofie, next));
  expect(after.record.version).toBe(2);
  expect(after.record.signatures).toEqual([]);
  expect(after.record.history).toEqual([{ version: 1, checksum: signedSum, signatures: expect.any(Array) }]);
  expect(after.record.history[0].signatures).toHaveLength(9);
  expect(unsigned(after)).toHaveLength(9);
});

test('the public protocol in HTML and PDF: a closed item is "Lukket punkt" without decision until the organizer marks title or decision publishable', async () => {
  // The protocol is out for signatures since the test before: the organizer writes the closed decision.
  const sofie = depsAs(server, upn('sofie'));
  const title = 'Klagesag om tildeling af hjælpemidler';
  const decision = 'Klagen blev ikke imødekommet.';
  await sofie.lists.saveDecision(next, {
    itemNumber: 5,
    itemTitle: title,
    text: decision,
    status: 'Endelig',
    editorUpn: upn('sofie'),
    updatedAt: new Date().toISOString(),
  });
  const dir = mkdtempSync(join(tmpdir(), 'udvalg-public-'));
  const publicTexts = async () => {
    const view = await openMeeting(sofie, next);
    const committee = referatCommitteeOf(view, await openCommittee(sofie, view));
    const html = await exportReferat(documentRenderer, view, 'public', 'html', 'da', committee);
    const pdf = await exportReferat(documentRenderer, view, 'public', 'pdf', 'da', committee);
    const file = join(dir, 'offentlig.pdf');
    writeFileSync(file, pdf.bytes);
    const pages = JSON.parse(
      execFileSync(process.execPath, [join(__dirname, '../support/pdfText.mjs'), file], { encoding: 'utf8' }),
    ) as string[];
    return {
      html: new TextDecoder()
        .decode(html.bytes)
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' '),
      pdf: pages.join('\n').replace(/\s+/g, ' '),
    };
  };
  const expectShown = async (shows: { title: boolean; decision: boolean }) => {
    for (const [format, text] of Object.entries(await publicTexts())) {
      // The item itself, after the table of contents.
      const item5 = text.slice(text.lastIndexOf('Punkt 5:'), text.lastIndexOf('Punkt 6:'));
      expect(`${format}: ${item5}`).toContain(shows.title ? title : 'Punkt 5: Lukket punkt');
      if (shows.title) expect(`${format}: ${item5}`).not.toContain('Punkt 5: Lukket punkt ');
      else expect(`${format}: ${text}`).not.toContain(title);
      if (shows.decision) expect(`${format}: ${item5}`).toContain(decision);
      else expect(`${format}: ${text}`).not.toContain(decision);
    }
  };
  await expectShown({ title: false, decision: false });
  const organizerView = await openMeeting(sofie, next);
  await setPublication(sofie, organizerView, { itemNumber: 5, publishTitle: true, publishDecision: false });
  await expectShown({ title: true, decision: false });
  await setPublication(sofie, organizerView, { itemNumber: 5, publishTitle: false, publishDecision: true });
  await expectShown({ title: false, decision: true });
});

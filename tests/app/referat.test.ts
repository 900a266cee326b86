import { documentRenderer } from '../../src/adapters/documents/documentRenderer';
import { assignReferent } from '../../src/app/assignReferent';
import { openMeeting } from '../../src/app/openMeeting';
import {
  approveReferat,
  exportReferat,
  MEMBERS_ONLY,
  NOT_APPROVED,
  ONLY_ORGANIZER_APPROVES,
  referatOf,
  reopenReferat,
  sendReferat,
  sendReferatForApproval,
} from '../../src/app/referat';
import { sendAgenda } from '../../src/app/sendAgenda';
import { ValidationError } from '../../src/domain/validation';
import type { MailMessage } from '../../src/ports/Mailer';
import { KEY, people, seedItems, world } from './fixtures';

async function heldMeeting() {
  const w = world();
  const sofie = w.as(people.sofie);
  let view = await openMeeting(sofie, KEY);
  view = await assignReferent(sofie, view, people.mads);
  const items = seedItems().map((i) => (i.number === 5 ? { ...i, closed: true } : i));
  await sendAgenda(sofie, view, items);
  const mads = w.as(people.mads);
  await w.lists.saveDecision(KEY, {
    itemNumber: 1,
    itemTitle: 'Dagsorden',
    text: 'Godkendt.',
    status: 'Endelig',
    editorUpn: people.mads.upn,
    updatedAt: '2024-02-20T10:05:00Z',
  });
  await w.lists.saveDecision(KEY, {
    itemNumber: 5,
    itemTitle: 'x',
    text: 'Fortroligt.',
    status: 'Endelig',
    editorUpn: people.mads.upn,
    updatedAt: '2024-02-20T10:05:00Z',
  });
  return { w, sofie, mads };
}

test('the referent exports Word, PDF and HTML; the members’ version only for members', async () => {
  const { w, mads } = await heldMeeting();
  const view = await openMeeting(mads, KEY);
  const docx = await exportReferat(documentRenderer, view, 'public', 'docx');
  expect(docx.name).toBe('Referat 20-02-2024.docx');
  expect(docx.bytes.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  const pdf = await exportReferat(documentRenderer, view, 'members', 'pdf');
  expect(new TextDecoder().decode(pdf.bytes.subarray(0, 5))).toBe('%PDF-');
  const html = new TextDecoder().decode(
    (await exportReferat(documentRenderer, view, 'public', 'html')).bytes,
  );
  expect(html).toContain('Beslutning for Punkt 1: Dagsorden');
  expect(html).not.toContain('Fortroligt');
  const anders = await openMeeting(w.as(people.anders), KEY);
  await expect(exportReferat(documentRenderer, anders, 'public', 'docx')).rejects.toMatchObject({
    kind: 'Forbidden',
  });
  const guestView = { ...view, role: 'guest' as const };
  expect(() => referatOf(guestView, 'members')).toThrow(
    expect.objectContaining({ details: { code: MEMBERS_ONLY } }),
  );
  expect(referatOf(guestView, 'public').items.map((i) => i.number)).not.toContain(5);
});

test('draft → sent for approval → approved → reopened as version 2, with the history kept', async () => {
  const { sofie, mads } = await heldMeeting();
  let view = await sendReferatForApproval(mads, await openMeeting(mads, KEY));
  expect(view.meeting.referat).toMatchObject({ state: 'Til godkendelse', version: 1 });
  await expect(approveReferat(mads, view)).rejects.toMatchObject({
    details: { code: ONLY_ORGANIZER_APPROVES },
  });
  view = await approveReferat(sofie, await openMeeting(sofie, KEY));
  expect(view.meeting.referat?.state).toBe('Godkendt');
  await expect(approveReferat(sofie, view)).rejects.toBeInstanceOf(ValidationError);
  view = await reopenReferat(sofie, view);
  expect(view.meeting.referat).toMatchObject({ state: 'Kladde', version: 2 });
  expect(view.meeting.referat?.history.map((h) => `${h.version}:${h.state}:${h.by}`)).toEqual([
    '1:Til godkendelse:mads@kommune.example',
    '1:Godkendt:sofie@kommune.example',
    '2:Kladde:sofie@kommune.example',
  ]);
});

test('"Send referat" is refused before approval: nothing is mailed, nothing attached, the step stays', async () => {
  const { w, sofie, mads } = await heldMeeting();
  const sent: MailMessage[] = [];
  const deps = {
    ...sofie,
    renderer: documentRenderer,
    mailer: { send: async (m: MailMessage) => void sent.push(m) },
  };
  await expect(sendReferat(deps, await openMeeting(sofie, KEY))).rejects.toMatchObject({
    details: { code: NOT_APPROVED },
  });
  await sendReferatForApproval(mads, await openMeeting(mads, KEY));
  await expect(sendReferat(deps, await openMeeting(sofie, KEY))).rejects.toMatchObject({
    details: { code: NOT_APPROVED },
  });
  expect(sent).toHaveLength(0);
  expect(Object.values(w.calendarState.files ?? {}).flat()).toHaveLength(0);
  expect((await openMeeting(sofie, KEY)).meeting.referat?.sent).toBeUndefined();
});

test('"Send referat" mails the attendees with the Word file(s), attaches it to the event and records the step "Sendt"', async () => {
  const { w, sofie } = await heldMeeting();
  const sent: MailMessage[] = [];
  const deps = {
    ...sofie,
    renderer: documentRenderer,
    mailer: { send: async (m: MailMessage) => void sent.push(m) },
  };
  const sentView = await sendReferat(deps, await approveReferat(sofie, await openMeeting(sofie, KEY)));
  expect(sentView.meeting.referat).toMatchObject({
    state: 'Godkendt',
    sent: { version: 1, by: people.sofie.upn },
  });
  expect((await openMeeting(sofie, KEY)).meeting.referat?.sent).toMatchObject({ version: 1 });
  const reopened = await reopenReferat(sofie, sentView);
  expect(reopened.meeting.referat?.sent).toBeUndefined();
  expect(sent).toHaveLength(1);
  expect(sent[0].subject).toBe('Referat: Rådmandsmøde 20-02-2024');
  expect(sent[0].to.map((p) => p.upn)).toEqual([
    'anders@kommune.example',
    'erik@kommune.example',
    'louise@kommune.example',
    'mads@kommune.example',
  ]);
  expect(sent[0].attachments.map((a) => a.name)).toEqual([
    'Referat 20-02-2024.docx',
    'Referat 20-02-2024 (med lukkede punkter).docx',
  ]);
  expect(sent[0].html).not.toContain('Fortroligt');
  expect(Object.values(w.calendarState.files ?? {})[0].map((f) => f.name)).toEqual([
    'Referat 20-02-2024.docx',
  ]);
  const mads = w.as(people.mads);
  await expect(
    sendReferat({ ...mads, renderer: documentRenderer, mailer: deps.mailer }, await openMeeting(mads, KEY)),
  ).rejects.toMatchObject({ details: { code: ONLY_ORGANIZER_APPROVES } });
});

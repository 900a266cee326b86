import {
  addTilfoersel,
  newProtocolVersion,
  openCommittee,
  recordVote,
  saveCommitteeSettings,
  signProtocol,
} from '../../src/app/committee';
import { openMeeting } from '../../src/app/openMeeting';
import { sendReferatForApproval } from '../../src/app/referat';
import type { ProtocolOpening } from '../../src/domain/committee/opening';
import { personFolderName } from '../../src/domain/meetingScopes';
import {
  demoTenant,
  itemsOf,
  LISTS_PATH,
  placeOfMeeting,
  SITE_PATH,
  tenantVariants,
  upn,
  type Tenant,
  DEMO_COMMITTEE,
} from './tenant';

/**
 * A forged opening of a committee protocol (issue 22): a member with Contribute on her own folder in
 * CommitteeStatements (the meeting's folder there is the organizer's) writes an "Underskriftsrunde" row whose Created By / Modified By say the organizer, through SharePoint REST form
 * values (AddValidateUpdateItemUsingPath with `Author`/`Editor`). SharePoint's default reading refuses those
 * form values; under `author-settable` (the adversarial run) the row is stored as if the organizer wrote it.
 * Either way it must change nothing of the protocol: an opening counts only when the organizer's page named
 * its item id on the Meetings row, which only she writes. Judged by what the organizer's and the members'
 * pages (openCommittee) count afterwards; the positive control is the organizer's own opening and new version.
 */
const TILFOERSEL = 'Venstre finder forslaget for dyrt.';
const authorSettable = tenantVariants().has('author-settable');

let t: Tenant;
/** The organizer's own opening as stored: its row id and value. */
let real: { id: string; value: ProtocolOpening };
beforeAll(async () => {
  t = await demoTenant();
  const sofie = t.deps('sofie');
  await saveCommitteeSettings(sofie, await openMeeting(sofie, t.past), DEMO_COMMITTEE);
  const mads = t.deps('mads');
  const madsView = await openMeeting(mads, t.past);
  await recordVote(mads, madsView, await openCommittee(mads, madsView), 3, {
    [upn('anders')]: 'For',
    [upn('erik')]: 'Imod',
  });
  const erik = t.deps('erik');
  const erikView = await openMeeting(erik, t.past);
  await addTilfoersel(erik, erikView, await openCommittee(erik, erikView), {
    itemNumber: 3,
    text: TILFOERSEL,
  });
  await sendReferatForApproval(mads, await openMeeting(mads, t.past));
  // The organizer's page sets the rights that follow and opens signing: the opening row, then its name.
  const opened = await openCommittee(sofie, await openMeeting(sofie, t.past));
  expect(opened.signingOpen).toBe(true);
  const anders = t.deps('anders');
  const andersView = await openMeeting(anders, t.past);
  await signProtocol(anders, andersView, await openCommittee(anders, andersView));
  const [row] = (await itemsOf(await t.as('louise'), 'CommitteeStatements', t.past)).filter(
    (r) => r.fields.Kind === 'Underskriftsrunde',
  );
  real = { id: row.id, value: JSON.parse(String(row.fields.Data)) as ProtocolOpening };
});
afterAll(() => t.close());

const person = (name: string) => JSON.stringify([{ Key: `i:0#.f|membership|${upn(name)}` }]);

/**
 * Louise adds an opening to her own CommitteeStatements folder (`below`: '' for the meeting's folder) with
 * Created By and Modified By set to the organizer; the answer says whether any form value was refused.
 */
async function forgeOpening(
  value: ProtocolOpening,
  below = personFolderName(upn('louise')),
): Promise<{ status: number; refused: boolean }> {
  const res = await (
    await t.as('louise')
  ).sp(`/web/lists/getbytitle('CommitteeStatements')/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: {
        FolderPath: {
          DecodedUrl: `${SITE_PATH}/Lists/CommitteeStatements/${placeOfMeeting(t.past)}${below ? `/${below}` : ''}`,
        },
      },
      formValues: Object.entries({
        Title: 'Underskriftsrunde',
        MeetingKey: t.past,
        Kind: 'Underskriftsrunde',
        ItemNumber: '0',
        Data: JSON.stringify(value),
        Author: person('sofie'),
        Editor: person('sofie'),
      }).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
  const entries = (res.body?.value ?? []) as Array<{ HasException: boolean }>;
  return { status: res.status, refused: res.status !== 200 || entries.some((e) => e.HasException) };
}

interface GraphRow {
  id: string;
  fields: Record<string, unknown>;
  createdBy?: { user?: { email?: string } };
  lastModifiedBy?: { user?: { email?: string } };
}
const openingRows = async () =>
  (await itemsOf(await t.as('sofie'), 'CommitteeStatements', t.past)).filter(
    (r) => r.fields.Kind === 'Underskriftsrunde',
  ) as GraphRow[];

/** What a person's page counts of the protocol. */
async function pageOf(name: string) {
  const deps = t.deps(name);
  const view = await openMeeting(deps, t.past);
  return { deps, view, committee: await openCommittee(deps, view) };
}

const meetingRow = async () => {
  const res = await (
    await t.as('sofie')
  ).graph(
    `${LISTS_PATH}/Meetings/items?$expand=fields&$filter=fields/MeetingKey eq '${encodeURIComponent(t.past)}'`,
  );
  return (res.body.value as GraphRow[])[0];
};
const meetingRowId = async () => (await meetingRow()).id;

const named = async () => {
  const row = await meetingRow();
  return JSON.parse(String(row.fields.ProtocolOpenings ?? '[]')) as string[];
};

test("an opening a member writes as the organizer (Created By, Modified By) changes nothing of the protocol; the organizer's own opening and new version count", async () => {
  expect(await named()).toEqual([real.id]);
  const before = await pageOf('erik');
  expect(before.committee.record.version).toBe(1);
  expect(before.committee.signingOpen).toBe(true);
  const signersBefore = before.committee.record.signatures.map((s) => s.member);
  expect(signersBefore).toEqual([upn('anders')]);

  // A version 2 without Erik's protokoltilførsel (so Anders's signature stops counting), and a copy of the
  // real opening's identity (version and time) with the same change, which must not take its place.
  const withoutTilfoersel = { ...real.value.parts, tilfoersler: [] };
  const forgeries: ProtocolOpening[] = [
    { ...real.value, version: 2, parts: withoutTilfoersel, openedAt: '2099-01-01T00:00:00.000Z' },
    { ...real.value, parts: withoutTilfoersel },
  ];
  for (const forged of forgeries) {
    // The meeting's statements folder, where the organizer's openings live, is not hers to write.
    expect((await forgeOpening(forged, '')).status).toBe(403);
    const answer = await forgeOpening(forged);
    expect(answer.status).toBe(200);
    // The default reading refuses the form values; the adversarial one stores the row as the organizer's.
    expect(answer.refused).toBe(!authorSettable);
  }
  const rows = await openingRows();
  const forgedRows = rows.filter((r) => r.id !== real.id);
  expect(forgedRows).toHaveLength(authorSettable ? 2 : 0);
  for (const r of forgedRows) {
    expect(r.createdBy?.user?.email?.toLowerCase()).toBe(upn('sofie'));
    expect(r.lastModifiedBy?.user?.email?.toLowerCase()).toBe(upn('sofie'));
  }

  // She cannot name a row on the Meetings row: only the organizer writes it.
  const naming = await (
    await t.as('louise')
  ).graph(`${LISTS_PATH}/Meetings/items/${await meetingRowId()}/fields`, {
    method: 'PATCH',
    body: { ProtocolOpenings: JSON.stringify([real.id, ...forgedRows.map((r) => r.id)]) },
  });
  expect(naming.status).toBe(403);
  expect(await named()).toEqual([real.id]);

  // Judged by the organizer's and the members' pages: the same version, record, checksum and signatures.
  for (const name of ['sofie', 'erik', 'louise', 'anders']) {
    const { committee } = await pageOf(name);
    expect(committee.opening).toEqual({ version: 1, checksum: real.value.checksum });
    expect(committee.record.version).toBe(1);
    expect(committee.checksum).toBe(before.committee.checksum);
    expect(committee.signingOpen).toBe(true);
    expect(committee.record.tilfoersler.map((x) => x.text)).toEqual([TILFOERSEL]);
    expect(committee.record.history).toEqual([]);
    expect(committee.record.signatures.map((s) => s.member)).toEqual(signersBefore);
    expect(committee.openingPending).toBeUndefined();
  }
  // What the member's own store reads: only the organizer's named opening.
  expect((await t.deps('louise').lists.readCommittee(t.past)).openings.map((o) => o.id)).toEqual([real.id]);

  // Positive control: Erik's signature after the real opening counts; the organizer's new version counts and
  // keeps version 1 with its signatures as history.
  const erik = await pageOf('erik');
  await signProtocol(erik.deps, erik.view, erik.committee);
  const sofie = await pageOf('sofie');
  expect(sofie.committee.record.signatures.map((s) => s.member).sort()).toEqual(
    [upn('anders'), upn('erik')].sort(),
  );
  const v2 = await newProtocolVersion(sofie.deps, sofie.view);
  expect(v2.record.version).toBe(2);
  expect(v2.signingOpen).toBe(true);
  expect(v2.record.tilfoersler.map((x) => x.text)).toEqual([TILFOERSEL]);
  expect(v2.record.history.map((h) => [h.version, h.signatures.length])).toEqual([[1, 2]]);
  expect(await named()).toHaveLength(2);
  expect((await pageOf('louise')).committee.record.version).toBe(2);
});

import {
  addTilfoersel,
  openCommittee,
  recordVote,
  saveCommitteeSettings,
  signProtocol,
} from '../../src/app/committee';
import { openMeeting } from '../../src/app/openMeeting';
import { sendReferatForApproval } from '../../src/app/referat';
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
 * A signature forged in another member's name (issue 22): a committee member, with her own token straight
 * against SharePoint REST, writes a signature row naming another member for the version and checksum open
 * for signatures, after the opening. Into her own CommitteeStatements folder (where she may write), with and
 * without Created By / Modified By set to that member (AddValidateUpdateItemUsingPath form values: refused by
 * SharePoint's default reading, stored as his under `author-settable`, the adversarial run); into his folder
 * and into the meeting's folder (neither is hers). Under either reading none of it is his signature: a
 * member's signature counts only from the folder of the member it names (src/domain/trust/place.ts,
 * statementFolder). Judged by what the organizer's and another member's stores and pages count; the positive
 * control is each member's own signature through her page, and the organizer's next permission apply making
 * a member folder that was missing (a meeting from before member folders).
 */
const authorSettable = tenantVariants().has('author-settable');

let t: Tenant;
/** The version and checksum open for signatures. */
let opened: { version: number; checksum: string };
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
    text: 'Venstre finder forslaget for dyrt.',
  });
  await sendReferatForApproval(mads, await openMeeting(mads, t.past));
  // The organizer's page sets the rights that follow ("out for signatures") and opens signing.
  const committee = await openCommittee(sofie, await openMeeting(sofie, t.past));
  expect(committee.signingOpen).toBe(true);
  opened = { version: committee.record.version, checksum: committee.checksum };
});
afterAll(() => t.close());

const meetingFolder = () => `${SITE_PATH}/Lists/CommitteeStatements/${placeOfMeeting(t.past)}`;
const folderOf = (name: string) => `${meetingFolder()}/${personFolderName(upn(name))}`;
const person = (name: string) => JSON.stringify([{ Key: `i:0#.f|membership|${upn(name)}` }]);

/**
 * `as` adds a signature row naming `member` into `folder`, optionally as `author` (Created By and Modified
 * By); the answer says whether SharePoint stored it.
 */
async function plant(as: string, folder: string, member: string, author?: string): Promise<boolean> {
  const values: Record<string, string> = {
    Title: 'Underskrift',
    MeetingKey: t.past,
    Kind: 'Underskrift',
    Member: upn(member),
    Data: JSON.stringify({
      member: upn(member),
      version: opened.version,
      checksum: opened.checksum,
      signedAt: new Date().toISOString(),
    }),
    ...(author ? { Author: person(author), Editor: person(author) } : {}),
  };
  const res = await (
    await t.as(as)
  ).sp(`/web/lists/getbytitle('CommitteeStatements')/AddValidateUpdateItemUsingPath()`, {
    method: 'POST',
    body: {
      listItemCreateInfo: { FolderPath: { DecodedUrl: folder } },
      formValues: Object.entries(values).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
      bNewDocumentUpdate: false,
    },
  });
  const entries = (res.body?.value ?? []) as Array<{ HasException: boolean }>;
  return res.status === 200 && !entries.some((e) => e.HasException);
}

interface GraphRow {
  id: string;
  fields: Record<string, unknown>;
  createdBy?: { user?: { email?: string } };
}
const signatureRows = async () =>
  (await itemsOf(await t.as('sofie'), 'CommitteeStatements', t.past)).filter(
    (r) => r.fields.Kind === 'Underskrift',
  ) as GraphRow[];

/** Whose signatures the organizer's store, another member's store and their pages count. */
async function countedSigners(): Promise<string[][]> {
  const out: string[][] = [];
  for (const name of ['sofie', 'anders']) {
    const deps = t.deps(name);
    out.push((await deps.lists.readCommittee(t.past)).signatures.map((s) => s.value.member).sort());
    const committee = await openCommittee(deps, await openMeeting(deps, t.past));
    out.push(committee.record.signatures.map((s) => s.member).sort());
  }
  return out;
}

test("a signature a member writes in another member's name counts for nothing under either reading of Created By; each member's own signature counts", async () => {
  const before = (await signatureRows()).length;
  // Into her own folder, as herself: SharePoint stores it (her folder is hers), naming Erik.
  expect(await plant('louise', folderOf('louise'), 'erik')).toBe(true);
  // The same with Created By / Modified By set to Erik: refused by the default reading, stored as his under
  // author-settable.
  expect(await plant('louise', folderOf('louise'), 'erik', 'erik')).toBe(authorSettable);
  // Into Erik's own folder and into the meeting's folder, with or without his name as author: never stored.
  for (const folder of [folderOf('erik'), meetingFolder()])
    for (const author of [undefined, 'erik'])
      expect({ folder, author, stored: await plant('louise', folder, 'erik', author) }).toEqual({
        folder,
        author,
        stored: false,
      });

  const rows = await signatureRows();
  expect(rows).toHaveLength(before + (authorSettable ? 2 : 1));
  // Under author-settable SharePoint does record Erik as the forged row's author: only its folder says no.
  const asErik = rows.filter((r) => r.createdBy?.user?.email?.toLowerCase() === upn('erik'));
  expect(asErik).toHaveLength(authorSettable ? 1 : 0);
  // Nothing lies in Erik's folder, and nothing new in the meeting's.
  for (const r of rows) expect(String(r.fields.Member)).toBe(upn('erik'));

  // Judged by the organizer's and Anders's stores and pages: nobody has signed.
  expect(await countedSigners()).toEqual([[], [], [], []]);
  const erikPage = await openCommittee(t.deps('erik'), await openMeeting(t.deps('erik'), t.past));
  expect(erikPage.record.signatures).toEqual([]);
  expect(erikPage.signingOpen).toBe(true);

  // Positive control: Anders and Erik sign through their pages (each into his own folder); both count.
  for (const name of ['anders', 'erik']) {
    const deps = t.deps(name);
    const view = await openMeeting(deps, t.past);
    await signProtocol(deps, view, await openCommittee(deps, view));
  }
  const both = [upn('anders'), upn('erik')].sort();
  expect(await countedSigners()).toEqual([both, both, both, both]);
});

test("a member's page writes her signature into her own folder; the referent writes nothing in the statements' meeting folder once the protocol is out for signatures, the organizer does", async () => {
  const sofie = t.deps('sofie');
  const [signed] = (await sofie.lists.readCommittee(t.past)).signatures.filter(
    (s) => s.value.member === upn('anders'),
  );
  const dir = await (
    await t.as('sofie')
  ).sp(`/web/lists/getbytitle('CommitteeStatements')/items(${signed.id})?$select=FileDirRef`);
  expect(String(dir.body.FileDirRef).toLowerCase()).toBe(folderOf('anders').toLowerCase());
  // The referent (no member) may not add a row to the meeting's statements folder while it is out for
  // signatures, nor to a member's folder; the organizer may (her corrections make a new version).
  expect(await plant('mads', meetingFolder(), 'anders')).toBe(false);
  expect(await plant('mads', folderOf('anders'), 'anders')).toBe(false);
  expect(await plant('sofie', meetingFolder(), 'sofie')).toBe(true);
  const counted = (await sofie.lists.readCommittee(t.past)).signatures.map((s) => s.value.member);
  expect(counted).toContain(upn('anders'));
  expect(counted).not.toContain(upn('mads'));
});

test("a meeting whose member folders do not exist yet (set up before them): a member's statement cannot be written until the organizer's next apply makes her folder; then it counts", async () => {
  const sofie = await t.as('sofie');
  // Make the next meeting a committee meeting, then take Louise's folder away and forget the plan's hash, as
  // for a meeting whose rights were set before member folders existed.
  const sofieDeps = t.deps('sofie');
  await saveCommitteeSettings(sofieDeps, await openMeeting(sofieDeps, t.next), DEMO_COMMITTEE);
  const louiseFolder = `${SITE_PATH}/Lists/CommitteeStatements/${placeOfMeeting(t.next)}/${personFolderName(upn('louise'))}`;
  const found = await sofie.sp(
    `/web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(louiseFolder)}')/ListItemAllFields`,
  );
  expect(found.status).toBe(200);
  const removed = await sofie.sp(`/web/lists/getbytitle('CommitteeStatements')/items(${found.body.Id})`, {
    method: 'DELETE',
  });
  expect(removed.status).toBe(200);
  const [row] = (
    await sofie.graph(
      `${LISTS_PATH}/Meetings/items?$expand=fields&$filter=fields/MeetingKey eq '${encodeURIComponent(t.next)}'`,
    )
  ).body.value as GraphRow[];
  expect(
    (
      await sofie.graph(`${LISTS_PATH}/Meetings/items/${row.id}/fields`, {
        method: 'PATCH',
        body: { PermissionsHash: '' },
      })
    ).status,
  ).toBe(200);
  const declare = async () =>
    t.deps('louise').lists.saveCommitteeEntry(t.next, {
      kind: 'declaration',
      value: {
        itemNumber: 2,
        member: upn('louise'),
        reason: 'Min søster leder projektet.',
        declaredBy: upn('louise'),
        declaredAt: new Date().toISOString(),
      },
    });
  // Her folder is missing and the meeting's folder is not hers: nothing is written.
  await expect(declare()).rejects.toBeDefined();
  expect((await sofieDeps.lists.readCommittee(t.next)).declarations).toEqual([]);
  // The organizer opens the meeting: her page applies the plan again (its hash differs) and makes the folder.
  await openMeeting(sofieDeps, t.next);
  await declare();
  for (const name of ['sofie', 'anders'])
    expect(
      (await t.deps(name).lists.readCommittee(t.next)).declarations.map((d) => [
        d.value.itemNumber,
        d.value.member,
      ]),
    ).toEqual([[2, upn('louise')]]);
});

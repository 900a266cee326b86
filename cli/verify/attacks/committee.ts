import { signProtocol } from '../../../src/app/committee';
import { personFolderName } from '../../../src/domain/meetingScopes';
import { addInFolder, Judge, type Attack } from '../attack';
import { committeeKey, pageOf, signersOf, VOTE_ITEM } from '../committee';
import { folderUrl, graphLists, itemsOf, type Scene } from '../scene';
import type { Role, Target } from '../target';

/**
 * The committee attacks of tests/security (forgedSignature, committeeFreeze, forgedOpening) against the kit's
 * committee meeting (cli/verify/committee.ts: the attendee and the guest are its members, the referent
 * records, the organizer opens signing). Each is made with the attacker's own token straight against
 * SharePoint REST or Graph and judged by what the organizer's and the members' pages count afterwards.
 */
const login = (upn: string) => JSON.stringify([{ Key: `i:0#.f|membership|${upn.toLowerCase()}` }]);
const statements = (t: Target, scene: Scene) => folderUrl(t, 'CommitteeStatements', committeeKey(scene));
const own = async (t: Target, scene: Scene, role: Role) =>
  `${await statements(t, scene)}/${personFolderName(t.person(role).upn)}`;
const upnOf = (t: Target, role: Role) => t.person(role).upn.toLowerCase();

/** Before signing opens, the guest plants a signature for the text as it will be opened, in her own folder. */
export const earlySignature: Attack = {
  name: 'Udvalgsmøde: et medlem planter en underskrift før underskriftsrunden åbner',
  as: 'guest',
  phase: 'committeeDraft',
  async run(t, scene) {
    const j = new Judge();
    const { committee } = await pageOf(t, 'guest', committeeKey(scene));
    j.control(!committee.signingOpen, 'underskriftsrunden er ikke åben endnu');
    const planted = await addInFolder(t, 'guest', 'CommitteeStatements', await own(t, scene, 'guest'), {
      Title: 'Underskrift',
      MeetingKey: committeeKey(scene),
      Kind: 'Underskrift',
      Member: upnOf(t, 'guest'),
      Data: JSON.stringify({
        member: upnOf(t, 'guest'),
        version: 1,
        checksum: committee.checksum,
        signedAt: '2000-01-01T00:00:00.000Z',
      }),
    });
    // Her own folder takes it (she may write there): whether it counts is judged once signing is open.
    if (
      j.control(planted.status === 200 && !!planted.id, `hendes egen mappe tager rækken (${planted.status})`)
    )
      scene.early = { id: planted.id!, checksum: committee.checksum };
    return j.verdict();
  },
};

/** A signature the guest writes in the attendee's name counts nowhere; the attendee's own then does (scene). */
export const forgedSignature: Attack = {
  name: 'Udvalgsmøde: en underskrift skrevet i et andet medlems navn tæller ikke',
  as: 'guest',
  phase: 'committeeOpen',
  async run(t, scene) {
    const j = new Judge();
    const opened = (await pageOf(t, 'organizer', committeeKey(scene))).committee;
    j.control(opened.signingOpen, 'underskriftsrunden er åben');
    const victim = upnOf(t, 'attendee');
    const values = (author: boolean) => ({
      Title: 'Underskrift',
      MeetingKey: committeeKey(scene),
      Kind: 'Underskrift',
      Member: victim,
      Data: JSON.stringify({
        member: victim,
        version: opened.record.version,
        checksum: opened.checksum,
        signedAt: new Date().toISOString(),
      }),
      ...(author ? { Author: login(victim), Editor: login(victim) } : {}),
    });
    // Her own folder takes the row (with Author it depends on SharePoint's reading): it must count for nothing.
    const plain = await addInFolder(
      t,
      'guest',
      'CommitteeStatements',
      await own(t, scene, 'guest'),
      values(false),
    );
    j.control(plain.status === 200, `hendes egen mappe tager rækken (${plain.status})`);
    await addInFolder(t, 'guest', 'CommitteeStatements', await own(t, scene, 'guest'), values(true));
    for (const [what, folder] of [
      ['medlemmets mappe', await own(t, scene, 'attendee')],
      ['mødets mappe', await statements(t, scene)],
    ])
      for (const author of [false, true]) {
        const into = await addInFolder(t, 'guest', 'CommitteeStatements', folder, values(author));
        j.expect(into.status !== 200, `${what} afviser hende${author ? ' med Author' : ''} (${into.status})`);
      }
    for (const role of ['organizer', 'attendee'] as const) {
      const page = (await pageOf(t, role, committeeKey(scene))).committee;
      j.expect(!signersOf(page).includes(victim), `${role}s side tæller ingen underskrift fra medlemmet`);
    }
    return j.verdict();
  },
};

/** Out for signatures and signed once: the referent changes no vote; a signature planted early does not count. */
export const committeeFreeze: Attack = {
  name: 'Udvalgsmøde: efter første underskrift ændrer referenten ingen afstemning, og en tidligt plantet underskrift tæller ikke',
  as: 'referent',
  phase: 'committeeSigned',
  async run(t, scene) {
    const j = new Judge();
    const org = t.person('organizer');
    const referent = t.person('referent');
    const page = (await pageOf(t, 'organizer', committeeKey(scene))).committee;
    j.control(!!scene.early, 'medlemmet plantede en underskrift før åbningen');
    j.control(page.opening?.checksum === scene.early?.checksum, 'den åbnede tekst er den hun underskrev før');
    j.expect(!signersOf(page).includes(upnOf(t, 'guest')), 'den tidligt plantede underskrift tæller ikke');
    j.control(signersOf(page).includes(upnOf(t, 'attendee')), 'medlemmets egen underskrift tæller');
    const decisions = await itemsOf(org, t, 'CommitteeDecisions', committeeKey(scene));
    const added = await addInFolder(
      t,
      'referent',
      'CommitteeDecisions',
      await folderUrl(t, 'CommitteeDecisions', committeeKey(scene)),
      { Title: `Afstemning punkt ${VOTE_ITEM + 1}`, MeetingKey: committeeKey(scene) },
    );
    j.expect(added.status !== 200, `en ny afstemning afvises (${added.status})`);
    const vote = decisions.find((r) => r.fields.Kind === 'Afstemning');
    if (!j.control(!!vote, 'arrangøren læser afstemningen')) return j.verdict();
    const url = `${graphLists(t)}/CommitteeDecisions/items/${vote!.id}`;
    const forged = JSON.stringify({
      itemNumber: VOTE_ITEM,
      choices: { [upnOf(t, 'attendee')]: 'Imod', [upnOf(t, 'guest')]: 'Imod' },
    });
    const patch = await referent.graph(`${url}/fields`, { method: 'PATCH', body: { Data: forged } });
    j.expect(patch.status === 403, `omskrivningen afvises (${patch.status})`);
    const removed = await referent.graph(url, { method: 'DELETE' });
    j.expect(removed.status === 403, `sletningen afvises (${removed.status})`);
    const after = await itemsOf(org, t, 'CommitteeDecisions', committeeKey(scene));
    j.expect(
      after.length === decisions.length,
      `ingen række er kommet til eller forsvundet (${after.length})`,
    );
    j.expect(
      after.find((r) => r.id === vote!.id)?.fields.Data === vote!.fields.Data,
      'afstemningen er uændret',
    );
    const guestPage = (await pageOf(t, 'guest', committeeKey(scene))).committee;
    j.expect(guestPage.checksum === page.checksum, 'medlemmets side viser samme protokol');
    // Positive control: the organizer writes the same row through the same path (with the same value).
    const mine = await org.graph(`${url}/fields`, { method: 'PATCH', body: { Data: vote!.fields.Data } });
    j.control(mine.status === 200, `arrangøren kan skrive rækken (${mine.status})`);
    return j.verdict();
  },
};

/** An opening a member writes as the organizer changes nothing; her own signature after the real one counts. */
export const forgedOpening: Attack = {
  name: 'Udvalgsmøde: en underskriftsrunde et medlem åbner i arrangørens navn ændrer intet',
  as: 'guest',
  phase: 'committeeSigned',
  async run(t, scene) {
    const j = new Judge();
    const guest = t.person('guest');
    const before = (await pageOf(t, 'organizer', committeeKey(scene))).committee;
    const [real] = (
      await itemsOf(t.person('organizer'), t, 'CommitteeStatements', committeeKey(scene))
    ).filter((r) => r.fields.Kind === 'Underskriftsrunde');
    if (!j.control(!!real && !!before.opening, 'arrangørens underskriftsrunde er gemt')) return j.verdict();
    const value = JSON.parse(String(real.fields.Data)) as { parts: Record<string, unknown> };
    const forged = (version: number) => ({
      Title: 'Underskriftsrunde',
      MeetingKey: committeeKey(scene),
      Kind: 'Underskriftsrunde',
      ItemNumber: '0',
      Data: JSON.stringify({ ...value, version, parts: { ...value.parts, tilfoersler: [] } }),
      Author: login(t.person('organizer').upn),
      Editor: login(t.person('organizer').upn),
    });
    const intoMeeting = await addInFolder(
      t,
      'guest',
      'CommitteeStatements',
      await statements(t, scene),
      forged(2),
    );
    j.expect(intoMeeting.status !== 200, `mødets mappe afviser hende (${intoMeeting.status})`);
    const mine = await addInFolder(
      t,
      'guest',
      'CommitteeStatements',
      await own(t, scene, 'guest'),
      forged(2),
    );
    j.expect([200, 400, 403].includes(mine.status), `hendes egen mappe svarer (${mine.status})`);
    const [row] = await itemsOf(t.person('organizer'), t, 'Meetings', committeeKey(scene));
    const naming = await guest.graph(`${graphLists(t)}/Meetings/items/${row.id}/fields`, {
      method: 'PATCH',
      body: { ProtocolOpenings: JSON.stringify([real.id, ...(mine.id ? [mine.id] : [])]) },
    });
    j.expect(naming.status === 403, `hun kan ikke navngive en runde på mødets række (${naming.status})`);
    for (const role of ['organizer', 'attendee', 'guest'] as const) {
      const page = (await pageOf(t, role, committeeKey(scene))).committee;
      j.expect(
        page.opening?.version === before.opening!.version &&
          page.opening?.checksum === before.opening!.checksum &&
          page.checksum === before.checksum &&
          JSON.stringify(signersOf(page)) === JSON.stringify(signersOf(before)),
        `${role}s side viser samme version, tekst og underskrifter`,
      );
    }
    // Positive control: the guest signs through her page after the real opening, and it counts.
    const hers = await pageOf(t, 'guest', committeeKey(scene));
    await signProtocol(hers.deps, hers.view, hers.committee);
    j.control(
      signersOf((await pageOf(t, 'organizer', committeeKey(scene))).committee).includes(upnOf(t, 'guest')),
      'hendes egen underskrift efter arrangørens åbning tæller',
    );
    return j.verdict();
  },
};

import {
  addTilfoersel,
  openCommittee,
  recordVote,
  saveCommitteeSettings,
  signProtocol,
  type CommitteeView,
} from '../../src/app/committee';
import { openMeeting } from '../../src/app/openMeeting';
import { sendReferatForApproval } from '../../src/app/referat';
import type { MeetingView } from '../../src/app/openMeeting';
import type { AppDeps } from '../../src/app/deps';
import type { CommitteeSettings } from '../../src/domain/committee/types';
import { assignReferent } from '../../src/app/assignReferent';
import { saveAgenda } from '../../src/app/sendAgenda';
import { item, type Scene } from './scene';
import type { Role, Target } from './target';

/**
 * The small committee meeting the kit plays after the ordinary one, in a meeting of its own in the organizer's
 * calendar (the referent, the attendee and the guest invited), through the add-in's own use cases: an agenda
 * of two items and the referent, the organizer makes it an udvalgsmøde with two members (the attendee and the
 * guest), the referent records a vote on item 2 (the attendee for, the guest against), the guest writes a
 * protokoltilførsel, the referent sends the protocol for signatures, the organizer's page opens signing, and
 * the attendee signs.
 */
export const VOTE_ITEM = 2;
export const TILFOERSEL = 'Imod: forslaget er for dyrt (verify:tenant).';

export function committeeOf(t: Target): CommitteeSettings {
  const member = (role: Role, party: string) => ({
    person: { upn: t.person(role).upn.toLowerCase(), name: t.person(role).name },
    party,
  });
  return {
    kind: 'Udvalgsmøde',
    committeeName: 'Testudvalget (verify:tenant)',
    members: [member('attendee', 'A'), member('guest', 'V')],
    agendaDeadlineWorkingDays: 0,
  };
}

/** What a person's page shows of the committee meeting. */
export async function pageOf(
  t: Target,
  role: Role,
  key: string,
): Promise<{ deps: AppDeps; view: MeetingView; committee: CommitteeView }> {
  const deps = t.person(role).deps;
  const view = await openMeeting(deps, key);
  return { deps, view, committee: await openCommittee(deps, view) };
}

export const signersOf = (c: CommitteeView) => c.record.signatures.map((s) => s.member.toLowerCase()).sort();

/** The committee meeting's key (set once its event exists, so cleanup can always find it). */
export const committeeKey = (scene: Scene): string => {
  if (!scene.committee) throw new Error('Udvalgsmødet blev ikke oprettet');
  return scene.committee.key;
};

/** Creates the committee meeting's event; its key goes on the scene at once, for cleanup. */
async function createCommitteeEvent(t: Target, scene: Scene, now: Date): Promise<string> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 7, 13));
  const made = await t.person('organizer').graph('/me/events', {
    method: 'POST',
    body: {
      subject: `Mødeassistent verify:tenant udvalgsmøde ${now.toISOString().slice(0, 16)}`,
      body: {
        contentType: 'text',
        content: 'Testmøde oprettet af npm run verify:tenant; slettes af samme kørsel.',
      },
      start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + 3600000).toISOString().slice(0, 19), timeZone: 'UTC' },
      attendees: (['referent', 'attendee', 'guest'] as const).map((r) => ({
        emailAddress: { address: t.person(r).upn },
        type: 'required',
      })),
    },
  });
  if (made.status !== 201) throw new Error(`Udvalgsmødet kunne ikke oprettes (HTTP ${made.status})`);
  scene.committee = { eventId: made.body.id as string, key: made.body.iCalUId as string };
  return scene.committee.key;
}

/** Members, a vote and a protokoltilførsel: the protocol as it stands before it goes out for signatures. */
export async function playCommittee(t: Target, scene: Scene, now = new Date()): Promise<void> {
  const key = await createCommitteeEvent(t, scene, now);
  const org = t.person('organizer').deps;
  const referentPerson = t.person('referent');
  let view = await openMeeting(org, key);
  view = await assignReferent(org, view, { upn: referentPerson.upn, name: referentPerson.name });
  view = await saveAgenda(org, view, [
    item(1, 'Godkendelse af dagsorden', { category: 'Til godkendelse' }),
    item(VOTE_ITEM, 'Forslag til beslutning (verify:tenant)', { category: 'Til beslutning' }),
  ]);
  await saveCommitteeSettings(org, view, committeeOf(t));
  const referent = await pageOf(t, 'referent', key);
  await recordVote(referent.deps, referent.view, referent.committee, VOTE_ITEM, {
    [t.person('attendee').upn.toLowerCase()]: 'For',
    [t.person('guest').upn.toLowerCase()]: 'Imod',
  });
  const guest = await pageOf(t, 'guest', key);
  await addTilfoersel(guest.deps, guest.view, guest.committee, { itemNumber: VOTE_ITEM, text: TILFOERSEL });
  const page = await pageOf(t, 'organizer', key);
  if (page.committee.record.votes.length !== 1 || page.committee.record.tilfoersler.length !== 1)
    throw new Error('Arrangørens side viser ikke afstemningen og protokoltilførslen');
}

/** The referent sends the protocol for signatures; the organizer's page freezes the record and opens signing. */
export async function openSigning(t: Target, scene: Scene): Promise<void> {
  const referent = t.person('referent').deps;
  await sendReferatForApproval(referent, await openMeeting(referent, committeeKey(scene)));
  const page = await pageOf(t, 'organizer', committeeKey(scene));
  if (!page.committee.signingOpen) throw new Error('Arrangørens side åbnede ikke underskriftsrunden');
}

/** The attendee signs through her page; the organizer's page counts the signature. */
export async function memberSigns(t: Target, scene: Scene): Promise<void> {
  const attendee = await pageOf(t, 'attendee', committeeKey(scene));
  await signProtocol(attendee.deps, attendee.view, attendee.committee);
  const page = await pageOf(t, 'organizer', committeeKey(scene));
  if (!signersOf(page.committee).includes(t.person('attendee').upn.toLowerCase()))
    throw new Error('Arrangørens side tæller ikke medlemmets underskrift');
}

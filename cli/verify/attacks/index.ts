import type { Attack } from '../attack';
import { afbudReasonPrivacy } from './afbudReason';
import { bilagHiddenFromGuest, bilagHiddenFromOutsider } from './bilag';
import { removedAttendeeReadsNoLaterAttachment } from './calendar';
import { circleNotListed } from './circle';
import { indstillingGuest, indstillingOutsider } from './indstilling';
import { committeeFreeze, earlySignature, forgedOpening, forgedSignature } from './committee';
import { PROBES } from './probes';
import { authorNotTrusted } from './author';
import { forgedIntoNextFolder, rewriteInPlace } from './frozenReferat';
import { guestCannotProbeClosed } from './guest';
import { outsiderReadsNothing } from './outsider';
import { plantedMeetingApart } from './plantedMeeting';
import { secondSecretaryChangesNoRights, secondSecretaryReadsNothing } from './secretariesApart';
import { afbudMovedByColumn } from './rowsBelongToFolders';

/**
 * Every attack and probe the kit runs, in order within each phase (the afbud row is moved last of those
 * before approval's reasons go; the probes, which undo what they try, after it).
 */
export const ATTACKS: Attack[] = [
  afbudReasonPrivacy,
  outsiderReadsNothing,
  guestCannotProbeClosed,
  indstillingGuest,
  indstillingOutsider,
  bilagHiddenFromGuest,
  bilagHiddenFromOutsider,
  circleNotListed,
  removedAttendeeReadsNoLaterAttachment,
  authorNotTrusted,
  afbudMovedByColumn,
  ...PROBES,
  forgedIntoNextFolder,
  rewriteInPlace,
  plantedMeetingApart,
  secondSecretaryReadsNothing,
  secondSecretaryChangesNoRights,
  earlySignature,
  forgedSignature,
  committeeFreeze,
  forgedOpening,
];

import type { Attack } from '../attack';
import { afbudReasonPrivacy } from './afbudReason';
import { authorNotTrusted } from './author';
import { forgedIntoNextFolder, rewriteInPlace } from './frozenReferat';
import { guestCannotProbeClosed } from './guest';
import { outsiderReadsNothing } from './outsider';
import { afbudMovedByColumn } from './rowsBelongToFolders';

/** Every attack the kit runs, in order (the afbud row is moved last of those before approval's reasons go). */
export const ATTACKS: Attack[] = [
  afbudReasonPrivacy,
  outsiderReadsNothing,
  guestCannotProbeClosed,
  authorNotTrusted,
  afbudMovedByColumn,
  forgedIntoNextFolder,
  rewriteInPlace,
];

import type { Locale } from '../domain/format';
import { composeInformationLine } from '../i18n/information';
import { packagePlan, type PackageKind, type PlannedItem } from '../domain/meetingPackage';
import {
  wordPackage,
  type LeftOutReason,
  type PackageBilag,
  type PackageSection,
} from '../i18n/meetingPackage';
import { NOT_CONVERTIBLE, type Bilag, type BilagStore } from '../ports/BilagStore';
import { Forbidden, PortError, type ErrorCode } from '../ports/errors';
import type { PackageRenderer } from '../ports/PackageRenderer';
import type { AppDeps } from './deps';
import type { MeetingView } from './openMeeting';

export const ONLY_ORGANIZER_PUBLIC_PACKAGE: ErrorCode = 'onlyOrganizerPublicPackage';

export interface MeetingPackage {
  fileName: string;
  bytes: Uint8Array;
  /** The bilag named in the package instead of being in it, and why. */
  leftOut: Array<{ itemNumber: number; name: string; reason: LeftOutReason }>;
}

/**
 * "Hent mødemappe" (issue 25 point 3): the reader's package, built from what the page read with the reader's
 * own token (the view) and the bilag the reader's token can fetch, so it holds exactly what that person may
 * read. A PDF bilag goes in as it is, a PNG or JPEG as a page of its own, anything else as the store
 * converts it to PDF; a bilag that cannot be converted or fetched is named with a note, never failing the
 * whole package. `public` (the organizer only) shows a closed item as "Lukket punkt" and nothing of it.
 */
export async function buildMeetingPackage(
  deps: Pick<AppDeps, 'me' | 'bilag'> & { packageRenderer: PackageRenderer },
  view: Pick<MeetingView, 'key' | 'meeting' | 'items' | 'absences'>,
  kind: PackageKind,
  locale: Locale = 'da',
): Promise<MeetingPackage> {
  const plan = packagePlan(view, deps.me, kind);
  if ('refused' in plan)
    throw new Forbidden(`No package: ${plan.refused}`, {
      code: plan.refused === 'notInvited' ? 'notInvited' : ONLY_ORGANIZER_PUBLIC_PACKAGE,
    });
  const shown = new Set(plan.items.filter((i) => !i.withheld).map((i) => i.number));
  const information = composeInformationLine(
    {
      absences: view.absences,
      referent: view.meeting.referent,
      items: view.items.filter((i) => shown.has(i.number) && (kind === 'reader' || !i.closed)),
      note: view.meeting.informationNote,
    },
    locale,
  );
  const worded = wordPackage(plan, view.meeting, information, locale);
  const bilag = await Promise.all(plan.items.map((i) => bilagOf(deps.bilag, view.key, i)));
  const sections: PackageSection[] = worded.sections.map((s, k) => ({ ...s, bilag: bilag[k] }));
  const rendered = await deps.packageRenderer.pdf({ ...worded, sections });
  const leftOut: MeetingPackage['leftOut'] = sections.flatMap((s) =>
    s.bilag.flatMap((b) =>
      'leftOut' in b ? [{ itemNumber: s.number, name: b.name, reason: b.leftOut }] : [],
    ),
  );
  for (const u of rendered.unreadable) leftOut.push({ ...u, reason: 'unreadable' });
  leftOut.sort((a, b) => a.itemNumber - b.itemNumber);
  return { fileName: worded.fileName, bytes: rendered.bytes, leftOut };
}

const isPdf = (b: Bilag) => b.mimeType === 'application/pdf' || /\.pdf$/i.test(b.name);
const imageType = (b: Bilag): 'png' | 'jpg' | null =>
  b.mimeType === 'image/png' || /\.png$/i.test(b.name)
    ? 'png'
    : b.mimeType === 'image/jpeg' || /\.jpe?g$/i.test(b.name)
      ? 'jpg'
      : null;

/** An item's bilag, each as pages or as its name and why it is not there (none for a withheld item). */
async function bilagOf(
  store: BilagStore | undefined,
  meeting: string,
  item: PlannedItem,
): Promise<PackageBilag[]> {
  if (!store || item.withheld) return [];
  const files = await store.list(meeting, item.itemId);
  return Promise.all(
    files.map(async (file): Promise<PackageBilag> => {
      try {
        const image = imageType(file);
        if (image)
          return {
            name: file.name,
            image: (await store.download(meeting, item.itemId, file.name)).bytes,
            type: image,
          };
        const content = isPdf(file)
          ? await store.download(meeting, item.itemId, file.name)
          : await store.pdf(meeting, item.itemId, file.name);
        return { name: file.name, pdf: content.bytes };
      } catch (e) {
        if (e instanceof PortError && e.details.code === NOT_CONVERTIBLE)
          return { name: file.name, leftOut: 'notConvertible' };
        if (e instanceof PortError && e.kind !== 'Unauthorized')
          return { name: file.name, leftOut: 'unavailable' };
        throw e;
      }
    }),
  );
}

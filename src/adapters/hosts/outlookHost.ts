/// <reference types="office-js" />
import type { ComposeSurface } from '../../ports/ComposeSurface';
import type { HostContext, MeetingHost, Theme } from '../../ports/MeetingHost';
import { browserHost } from './browserHost';
import type { Sanitizer } from '../browser/sanitizeHtml';

/** The part of Office.js the host uses (`window.Office` in Outlook; tests pass a fake). */
export type OfficeApi = Pick<
  typeof Office,
  'onReady' | 'context' | 'MailboxEnums' | 'AsyncResultStatus' | 'CoercionType'
>;

const asPromise = <T>(call: (cb: (r: Office.AsyncResult<T>) => void) => void): Promise<T> =>
  new Promise((resolve, reject) =>
    call((r) =>
      String(r.status) === 'succeeded'
        ? resolve(r.value)
        : reject(new Error(r.error?.message ?? 'Office-fejl')),
    ),
  );

/** Outlook's own theme colours → the nearest Teams theme. */
function themeOf(office: OfficeApi): Theme {
  const bg = office.context.officeTheme?.bodyBackgroundColor?.toLowerCase();
  if (!bg) return 'default';
  if (bg === '#000000') return 'contrast';
  const n = parseInt(bg.replace('#', ''), 16);
  const lum = ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114;
  return lum < 96 ? 'dark' : 'default';
}

/**
 * The appointment in Outlook. The organizer composes (`item.organizer` is an async getter, `itemId` absent
 * until saved), an attendee reads (`itemId` present). The item id is converted to a REST id for Graph.
 */
export async function outlookHost(
  office: OfficeApi | undefined,
  options: { win?: Window } = {},
): Promise<MeetingHost> {
  if (!office) return browserHost(options.win ?? window, { code: 'officeMissing' });
  const info = await office.onReady();
  if (String(info.host) !== 'Outlook')
    return browserHost(options.win ?? window, {
      code: 'notOutlook',
      host: info.host === undefined || info.host === null ? undefined : String(info.host),
    });
  const mailbox = office.context.mailbox;
  const item = mailbox.item as Office.AppointmentCompose & Office.AppointmentRead;
  const compose = item && typeof item.saveAsync === 'function' && !item.itemId;
  let eventId: string | undefined;
  if (item?.itemId) {
    eventId = mailbox.convertToRestId(item.itemId, office.MailboxEnums.RestVersion.v2_0);
  } else if (compose) {
    // A new appointment has no id until it is saved (as a draft, not sent).
    const ewsId = await asPromise<string>((cb) => item.saveAsync(cb));
    eventId = mailbox.convertToRestId(ewsId, office.MailboxEnums.RestVersion.v2_0);
  }
  const me = mailbox.userProfile;
  let isOrganizer = false;
  if (compose) isOrganizer = true;
  else if (item?.organizer && 'emailAddress' in item.organizer) {
    isOrganizer = item.organizer.emailAddress.toLowerCase() === me.emailAddress.toLowerCase();
  }
  const context: HostContext = {
    kind: 'outlook',
    theme: themeOf(office),
    locale: office.context.displayLanguage || 'da-DK',
    frameContext: 'task',
    user: { upn: me.emailAddress, name: me.displayName },
    meeting: eventId ? { eventId } : null,
    isOrganizer,
  };
  return {
    context: async () => context,
    onThemeChange: () => () => undefined,
  };
}

/**
 * In compose mode: put the agenda section at the top of the appointment body, so the organizer sees it
 * before sending (the same sanitized section the Graph adapter writes).
 */
export async function insertAgendaIntoBody(
  office: OfficeApi,
  sectionHtml: string,
  replace: (body: string) => string,
): Promise<void> {
  const item = office.context.mailbox.item as Office.AppointmentCompose;
  const type = await asPromise<Office.CoercionType>((cb) => item.body.getTypeAsync(cb));
  if (type !== office.CoercionType.Html) {
    await asPromise<void>((cb) =>
      item.body.prependAsync(sectionHtml, { coercionType: office.CoercionType.Html }, cb),
    );
    return;
  }
  const current = await asPromise<string>((cb) => item.body.getAsync(office.CoercionType.Html, cb));
  await asPromise<void>((cb) =>
    item.body.setAsync(replace(current), { coercionType: office.CoercionType.Html }, cb),
  );
}

/** The compose form as a ComposeSurface (only when the organizer composes; null otherwise). */
export function outlookCompose(
  office: OfficeApi,
  replaceSection: (body: string, section: string) => string,
  sanitize: Sanitizer,
): ComposeSurface | null {
  const item = office.context.mailbox.item as Office.AppointmentCompose | undefined;
  if (!item || typeof (item as Office.AppointmentCompose).saveAsync !== 'function') return null;
  return {
    insertAgenda: async (sectionHtml) => {
      const clean = await sanitize(sectionHtml);
      return insertAgendaIntoBody(office, clean, (body) => replaceSection(body, clean));
    },
    attachFile: async (name, bytes) => {
      let binary = '';
      bytes.forEach((b) => (binary += String.fromCharCode(b)));
      await asPromise<string>((cb) => item.addFileAttachmentFromBase64Async(btoa(binary), name, cb));
    },
  };
}

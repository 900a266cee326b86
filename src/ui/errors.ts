import { NOT_INVITED } from '../app/openMeeting';
import { ONLY_CHAIR } from '../app/meetingClock';
import { FORBIDDEN_DECISION } from '../app/liveRecorder';
import { MEMBERS_ONLY, ONLY_ORGANIZER_APPROVES, ONLY_WRITERS } from '../app/referat';
import { ONLY_ORGANIZER } from '../app/sendAgenda';
import { ONLY_ORGANIZER_SETS_RIGHTS } from '../app/syncMeetingPermissions';
import { ONLY_ORGANIZER_FOLLOW_UP } from '../app/followUps';
import { ValidationError, type ValidationIssue } from '../domain/validation';
import { PortError } from '../ports/errors';
import { STRINGS, type Strings, type UiLocale } from './i18n/strings';

export type ErrorReason = keyof Strings['errorReasons'];

/** A use case's refusal, by the message constant it exports: the same reason in every language. */
const REFUSALS = new Map<string, ErrorReason>([
  [NOT_INVITED, 'notInvited'],
  [ONLY_ORGANIZER, 'onlyOrganizerAgenda'],
  [FORBIDDEN_DECISION, 'onlyWritersDecide'],
  [ONLY_CHAIR, 'onlyChairClock'],
  [ONLY_WRITERS, 'onlyWritersReferat'],
  [ONLY_ORGANIZER_APPROVES, 'onlyOrganizerApproves'],
  [MEMBERS_ONLY, 'membersOnly'],
  [ONLY_ORGANIZER_SETS_RIGHTS, 'onlyOrganizerRights'],
  [ONLY_ORGANIZER_FOLLOW_UP, 'onlyOrganizerFollowUp'],
]);

/** Error codes (details.code) with words of their own: the sign-in's (MSAL) codes. */
const CODES: Record<string, ErrorReason> = {
  popup_window_error: 'signInBlocked',
  empty_window_error: 'signInBlocked',
  block_nested_popups: 'signInBlocked',
  user_cancelled: 'signInCancelled',
  consent_required: 'signInConsent',
  // SharePointListStore: the meeting has no folder yet (its organizer has not set it up).
  meetingNotProvisioned: 'meetingNotProvisioned',
};

/** Why it failed, where the UI knows it in words of its own: by code first, then the use case's refusal. */
export function reasonOf(e: PortError): ErrorReason | undefined {
  return (e.details.code && CODES[e.details.code]) || REFUSALS.get(e.message);
}

/**
 * The message as the use case or adapter wrote it, shown as a last resort on Danish pages only — where it
 * is written for people: a refusal (Forbidden, Unauthorized) raised by our own code, not a transport
 * response (those carry an HTTP status and speak the server's language) and not a default kind name.
 */
function ownDanishWords(e: PortError): string | undefined {
  if (e.kind !== 'Forbidden' && e.kind !== 'Unauthorized') return undefined;
  if (e.details.status !== undefined || e.message === e.kind) return undefined;
  return e.message;
}

/**
 * One problem with what was typed, in the page's language: Danish pages show the rule's own words (with
 * its limits and numbers); other languages say which field and what is wrong by the rule's code.
 */
export function issueMessage(issue: ValidationIssue, locale: UiLocale = 'da'): string {
  if (locale === 'da') return issue.message;
  const s = STRINGS[locale];
  const named = issue.field.split('.').filter((part) => !/^\d+$/.test(part));
  const field = [...named].reverse().find((part) => part in s.validationFields) ?? 'input';
  return `${s.validationFields[field]} ${s.validationProblems[issue.code]}`;
}

/**
 * A clear message for any failure, in the page's language: by the error's reason (its code, or the use
 * case that refused), else by its kind; Danish pages fall back to our own Danish refusal texts that have
 * no entry yet. Every word comes from src/ui/i18n.
 */
export function messageOf(e: unknown, locale: UiLocale = 'da'): string {
  const s = STRINGS[locale];
  if (e instanceof ValidationError) return e.issues.map((i) => issueMessage(i, locale)).join(' ');
  if (e instanceof PortError) {
    const reason = reasonOf(e);
    if (reason) return s.errorReasons[reason];
    if (locale === 'da') {
      const own = ownDanishWords(e);
      if (own) return own;
    }
    // A server's refusal of a malformed request says what was wrong: its words follow ours.
    if (e.kind === 'Invalid' && e.details.status !== undefined && e.message) return s.errorRefused(e.message);
    return s.errorKinds[e.kind];
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Typed errors at every port. Adapters map their transport's failures (Graph error codes, HTTP
 * statuses, network errors) to exactly these, in one place per adapter; use cases and UI only
 * ever see these.
 */
export type PortErrorKind =
  | 'NotFound'
  | 'Forbidden'
  | 'Conflict'
  | 'Throttled'
  | 'Offline'
  | 'Unauthorized'
  | 'Invalid'
  | 'Unavailable';

/**
 * Stable codes (`details.code`) of the refusals and failures our own use cases and adapters raise. Each has
 * Danish and English words in src/ui/i18n (errorReasons); the message beside a code is a short English note
 * for developers, never shown to the user. One style for every code: lowerCamelCase, saying what was
 * refused (the committee's codes, `CommitteeErrorCode` in src/app/committee.ts with words in
 * committeeStrings, and the input rules, `ValidationRule` in src/domain/validation.ts, follow it).
 */
export type ErrorCode =
  | 'notInvited'
  | 'onlyOrganizerAgenda'
  | 'onlyWritersDecide'
  | 'onlyChairClock'
  | 'onlyWritersReferat'
  | 'onlyOrganizerApproves'
  | 'referatNotApproved'
  | 'membersOnly'
  | 'noPreviousMeeting'
  | 'onlyOrganizerRights'
  | 'onlyOrganizerFollowUp'
  | 'followUpGone'
  | 'onlyInvitedAbsence'
  | 'onlyOrganizerAbsenceForOthers'
  | 'onlyOrganizerReferent'
  | 'onlyOrganizerPublicPackage'
  | 'signedOutKeptLocally'
  | 'notAcceptedYetKeptLocally'
  | 'meetingNotInCalendar'
  | 'chatNotAMeeting'
  | 'meetingNotProvisioned'
  | 'secretariatMissing'
  | 'listsNotProvisioned'
  | 'meetingElsewhere'
  | 'signInBlocked'
  | 'signInCancelled'
  | 'signInConsent'
  | 'unknownDevUser'
  | 'tenantNotConfigured';

export class PortError extends Error {
  constructor(
    readonly kind: PortErrorKind,
    message: string,
    readonly details: { status?: number; code?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = kind;
  }
}

export class NotFound extends PortError {
  constructor(message = 'Not found', details: PortError['details'] = {}) {
    super('NotFound', message, details);
  }
}
export class Forbidden extends PortError {
  constructor(message = 'Forbidden', details: PortError['details'] = {}) {
    super('Forbidden', message, details);
  }
}
/** A write carried a stale eTag (HTTP 412) or collided with an existing name (409). */
export class Conflict extends PortError {
  constructor(message = 'Conflict', details: PortError['details'] = {}) {
    super('Conflict', message, details);
  }
}
export class Throttled extends PortError {
  constructor(message = 'Throttled', details: PortError['details'] = {}) {
    super('Throttled', message, details);
  }
}
/** No network, a dropped connection or a timeout: the write may be retried later. */
export class Offline extends PortError {
  constructor(message = 'Offline', details: PortError['details'] = {}) {
    super('Offline', message, details);
  }
}
export class Unauthorized extends PortError {
  constructor(message = 'Unauthorized', details: PortError['details'] = {}) {
    super('Unauthorized', message, details);
  }
}
/** The input was rejected (validation, malformed request). Never retried. */
export class Invalid extends PortError {
  constructor(message = 'Invalid', details: PortError['details'] = {}) {
    super('Invalid', message, details);
  }
}
/** A 5xx that outlived the retries. */
export class Unavailable extends PortError {
  constructor(message = 'Unavailable', details: PortError['details'] = {}) {
    super('Unavailable', message, details);
  }
}

/** Transient failures: an outbox keeps the write and tries again later. */
export const isTransient = (e: unknown): boolean =>
  e instanceof PortError && (e.kind === 'Offline' || e.kind === 'Throttled' || e.kind === 'Unavailable');

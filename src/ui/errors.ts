import { ValidationError, type ValidationIssue } from '../domain/validation';
import { PortError, type ErrorCode } from '../ports/errors';
import type { HostFallback } from '../ports/MeetingHost';
import { STRINGS, type Strings, type UiLocale } from './i18n/strings';
import { validationText } from './i18n/validationStrings';

export type ErrorReason = keyof Strings['errorReasons'];

const isReason = (code: string): code is ErrorCode & ErrorReason =>
  Object.prototype.hasOwnProperty.call(STRINGS.da.errorReasons, code);

/** Why it failed, where the UI has words of its own for it: the error's code (src/ports/errors.ts ErrorCode). */
export function reasonOf(e: PortError): ErrorReason | undefined {
  const code = e.details.code;
  return code && isReason(code) ? code : undefined;
}

/** One problem with what was typed, in the page's language (the rule's words, with its limits and numbers). */
export function issueMessage(issue: ValidationIssue, locale: UiLocale = 'da'): string {
  return validationText(issue, locale);
}

/**
 * A clear message for any failure, in the page's language: by the error's code where it has words of its
 * own, else by its kind. Every word comes from src/ui/i18n; a message written in code is never shown, except
 * a server's detail on a refused (malformed) request, after our words.
 */
export function messageOf(e: unknown, locale: UiLocale = 'da'): string {
  const s = STRINGS[locale];
  if (e instanceof ValidationError) return e.issues.map((i) => issueMessage(i, locale)).join(' ');
  if (e instanceof PortError) {
    const reason = reasonOf(e);
    if (reason) return s.errorReasons[reason];
    // A server's refusal of a malformed request says what was wrong: its words follow ours.
    if (e.kind === 'Invalid' && e.details.status !== undefined && e.message) return s.errorRefused(e.message);
    return s.errorKinds[e.kind];
  }
  return e instanceof Error ? e.message : String(e);
}

/** Why the page runs as a plain web page (the host could not start), in the page's language. */
export function hostFallbackText(f: HostFallback, locale: UiLocale = 'da'): string {
  const w = STRINGS[locale].hostFallback;
  switch (f.code) {
    case 'officeMissing':
      return w.officeMissing;
    case 'notOutlook':
      return w.notOutlook(f.host);
    case 'teamsTimeout':
      return w.teamsTimeout(f.seconds);
    case 'teamsFailed':
      return w.teamsFailed(f.cause);
  }
}

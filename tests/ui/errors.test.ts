/**
 * A failure in the page's language: the UI turns an error's code and kind (src/ports/errors.ts) into words
 * of its own (src/ui/i18n), Danish and English; the message written in code is never what the user reads.
 */
import { NOT_INVITED } from '../../src/app/openMeeting';
import { ONLY_ORGANIZER } from '../../src/app/sendAgenda';
import { approve } from '../../src/domain/referatApproval';
import { validateAgenda, ValidationError } from '../../src/domain/validation';
import {
  Conflict,
  Forbidden,
  Invalid,
  NotFound,
  Offline,
  PortError,
  Throttled,
  Unauthorized,
  Unavailable,
  type ErrorCode,
  type PortErrorKind,
} from '../../src/ports/errors';
import { hostFallbackText, issueMessage, messageOf, reasonOf } from '../../src/ui/errors';
import { seedItems } from '../app/fixtures';
import { STRINGS } from '../../src/ui/i18n/strings';

const DANISH = /[æøåÆØÅ]|\b(ikke|og|til|Kun|Du|Log)\b/;

test('every kind of failure has words in Danish and in English', () => {
  const kinds: PortErrorKind[] = [
    'NotFound',
    'Forbidden',
    'Conflict',
    'Throttled',
    'Offline',
    'Unauthorized',
    'Invalid',
    'Unavailable',
  ];
  for (const kind of kinds) {
    const e = new PortError(kind, kind);
    expect(messageOf(e, 'da')).toBe(STRINGS.da.errorKinds[kind]);
    expect(messageOf(e, 'en')).toBe(STRINGS.en.errorKinds[kind]);
    expect(messageOf(e, 'en')).not.toMatch(DANISH);
  }
  expect(messageOf(new Offline('network down'), 'da')).toBe(
    'Ingen forbindelse. Intet er tabt; prøv igen, når du er online.',
  );
});

test("a use case's refusal reads by its code, the same reason in both languages", () => {
  const notInvited = new Forbidden('Not invited', { code: NOT_INVITED });
  expect(reasonOf(notInvited)).toBe('notInvited');
  expect(messageOf(notInvited, 'da')).toBe('Du er ikke inviteret til dette møde (eller mødet findes ikke).');
  expect(messageOf(notInvited, 'en')).toBe(
    'You are not invited to this meeting (or the meeting does not exist).',
  );
  expect(messageOf(new Forbidden('Only the organizer', { code: ONLY_ORGANIZER }), 'en')).toBe(
    "Only the meeting's organizer can edit and send the agenda.",
  );
});

test('every error code has words in both languages, and the English words are English', () => {
  const codes = Object.keys(STRINGS.da.errorReasons) as ErrorCode[];
  expect(codes.length).toBeGreaterThan(15);
  for (const code of codes) {
    const e = new Forbidden('developer note', { code });
    expect(messageOf(e, 'da')).toBe(STRINGS.da.errorReasons[code]);
    expect(messageOf(e, 'en')).toBe(STRINGS.en.errorReasons[code]);
    expect(STRINGS.en.errorReasons[code]).not.toMatch(DANISH);
    expect(STRINGS.en.errorReasons[code]).not.toBe(STRINGS.da.errorReasons[code]);
  }
});

test("the sign-in's refusals have words of their own, whatever the adapter wrote", () => {
  const blocked = new Unauthorized('Sign-in popup blocked (popup_window_error)', { code: 'signInBlocked' });
  expect(messageOf(blocked, 'en')).toBe(
    'The sign-in window was blocked. Allow pop-up windows for this page and try again.',
  );
  expect(messageOf(new Unauthorized('x', { code: 'signInCancelled' }), 'da')).toBe(
    'Du lukkede log-ind-vinduet. Prøv igen, når du er klar.',
  );
});

test("a message written in code is never shown: without a code it is the kind's words", () => {
  const refusal = new Forbidden('Only the invited send afbud');
  expect(messageOf(refusal, 'da')).toBe('Du har ikke adgang til dette.');
  expect(messageOf(refusal, 'en')).toBe('You do not have access to this.');
  // From Graph: an HTTP status, the server's own (English, technical) words.
  const graph = new Forbidden('Either scp or roles claim need to be present in the token.', { status: 403 });
  expect(messageOf(graph, 'da')).toBe('Du har ikke adgang til dette.');
  expect(messageOf(new NotFound('The follow-up is gone', { code: 'followUpGone' }), 'en')).toBe(
    'The follow-up no longer exists.',
  );
  expect(messageOf(new NotFound('gone'), 'en')).toBe('It was not found – it may have been deleted.');
  for (const e of [new Conflict('Written by someone else'), new Throttled(), new Unavailable()])
    expect(messageOf(e, 'en')).not.toMatch(DANISH);
});

test("a server's refusal of a malformed request keeps its detail after our words", () => {
  const e = new Invalid("Invalid filter clause: 'fields/MeetingKey'", {
    status: 400,
    code: 'invalidRequest',
  });
  expect(messageOf(e, 'da')).toBe("Forespørgslen blev afvist: Invalid filter clause: 'fields/MeetingKey'");
  expect(messageOf(e, 'en')).toBe("The request was refused: Invalid filter clause: 'fields/MeetingKey'");
  expect(messageOf(new Invalid('Bad row'), 'en')).toBe('The request was refused.');
});

test('a validation error is said by its rule, never by the message written in code', () => {
  const e = new ValidationError([{ field: 'title', code: 'required', rule: 'required' }]);
  expect(messageOf(e, 'da')).toBe('Titlen skal udfyldes.');
  expect(messageOf(e, 'en')).toBe('The title is required.');
  expect(messageOf(e, 'da')).not.toBe(e.message);
});

test('the referat’s approval steps are refused in words from the vocabulary', () => {
  const approved = { state: 'Godkendt' as const, version: 1, history: [] };
  let refusal: unknown = null;
  try {
    approve(approved, 'sofie@kommune.example', '2026-12-07T10:00:00Z');
  } catch (e) {
    refusal = e;
  }
  expect(refusal).toBeInstanceOf(ValidationError);
  expect(messageOf(refusal, 'da')).toBe('Referatet er allerede godkendt.');
  expect(messageOf(refusal, 'en')).toBe('The minutes are already approved.');
});

test('an afbud before the organizer has set the meeting up says what to wait for, in Danish and English', () => {
  const e = new NotFound('no folder', { status: 404, code: 'meetingNotProvisioned' });
  expect(messageOf(e)).toMatch(/organisatoren skal åbne det eller sende dagsordenen/);
  expect(messageOf(e, 'en')).toMatch(/organizer must open it or send the agenda/);
});

test('why the page runs as a plain web page, in each language', () => {
  expect(hostFallbackText({ code: 'teamsTimeout', seconds: 3 })).toBe(
    'Teams svarede ikke inden for 3 sekunder; siden kører som almindelig webside.',
  );
  expect(hostFallbackText({ code: 'teamsTimeout', seconds: 3 }, 'en')).toBe(
    'Teams did not answer within 3 seconds; the page runs as an ordinary web page.',
  );
  expect(hostFallbackText({ code: 'notOutlook', host: 'Word' })).toBe(
    'Siden er åbnet i Word, ikke i Outlook.',
  );
  expect(hostFallbackText({ code: 'notOutlook' }, 'en')).toBe(
    'The page is open in an unknown host, not in Outlook.',
  );
  expect(hostFallbackText({ code: 'teamsFailed', cause: 'boom' }, 'en')).toMatch(
    /Teams could not start \(boom\)/,
  );
  expect(hostFallbackText({ code: 'officeMissing' }, 'en')).not.toMatch(DANISH);
});

test('bad input is said with the rule’s limits and numbers, in Danish and in English', () => {
  let error: unknown;
  try {
    validateAgenda([
      { ...seedItems()[0], title: '  ' },
      { ...seedItems()[1], durationMinutes: -5, caseNumber: 'nej' },
    ]);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  const english = messageOf(error, 'en');
  expect(english).toBe(
    'The title of item 1 is required. The minutes of item 2 must be between 0 and 1440. The case number must look like EMN-2022-03107.',
  );
  expect(english).not.toMatch(DANISH);
  const [first] = (error as ValidationError).issues;
  expect(issueMessage(first, 'da')).toBe('Titlen på punkt 1 skal udfyldes.');
  expect(messageOf(error, 'da')).toBe(
    'Titlen på punkt 1 skal udfyldes. Minutter for punkt 2 skal være mellem 0 og 1440. Sagsnummeret skal have formen EMN-2022-03107.',
  );
});

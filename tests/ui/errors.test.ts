/**
 * A failure in the page's language: the UI turns an error's kind and code (src/ports/errors.ts) and the
 * use case's refusal into words of its own (src/ui/i18n), Danish and English; a Danish page falls back to
 * our own Danish refusal when there is no entry yet, an English page never shows Danish.
 */
import { NOT_INVITED } from '../../src/app/openMeeting';
import { ONLY_ORGANIZER } from '../../src/app/sendAgenda';
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
  type PortErrorKind,
} from '../../src/ports/errors';
import { issueMessage, messageOf, reasonOf } from '../../src/ui/errors';
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

test("a use case's refusal reads the same in both languages, by its reason", () => {
  const notInvited = new Forbidden(NOT_INVITED);
  expect(reasonOf(notInvited)).toBe('notInvited');
  expect(messageOf(notInvited, 'da')).toBe('Du er ikke inviteret til dette møde (eller mødet findes ikke).');
  expect(messageOf(notInvited, 'en')).toBe(
    'You are not invited to this meeting (or the meeting does not exist).',
  );
  expect(messageOf(new Forbidden(ONLY_ORGANIZER), 'en')).toBe(
    "Only the meeting's organizer can edit and send the agenda.",
  );
});

test("the sign-in's error codes have words of their own, whatever the adapter wrote", () => {
  const blocked = new Unauthorized('Log-ind-vinduet blev blokeret.', { code: 'popup_window_error' });
  expect(messageOf(blocked, 'en')).toBe(
    'The sign-in window was blocked. Allow pop-up windows for this page and try again.',
  );
  expect(messageOf(new Unauthorized('x', { code: 'user_cancelled' }), 'da')).toBe(
    'Du lukkede log-ind-vinduet. Prøv igen, når du er klar.',
  );
});

test('our own Danish refusal without an entry shows on Danish pages only; a server’s words never', () => {
  const refusal = new Forbidden('Kun inviterede kan melde afbud til mødet.');
  expect(messageOf(refusal, 'da')).toBe('Kun inviterede kan melde afbud til mødet.');
  expect(messageOf(refusal, 'en')).toBe('You do not have access to this.');
  // From Graph: an HTTP status, the server's own (English, technical) words.
  const graph = new Forbidden('Either scp or roles claim need to be present in the token.', { status: 403 });
  expect(messageOf(graph, 'da')).toBe('Du har ikke adgang til dette.');
  expect(messageOf(new NotFound('Opfølgningen findes ikke længere.'), 'en')).toBe(
    'It was not found – it may have been deleted.',
  );
  for (const e of [
    new Conflict('Beslutningen er allerede skrevet af en anden'),
    new Throttled(),
    new Unavailable(),
  ])
    expect(messageOf(e, 'en')).not.toMatch(DANISH);
});

test("a server's refusal of a malformed request keeps its detail after our words", () => {
  const e = new Invalid("Invalid filter clause: 'fields/MeetingKey'", {
    status: 400,
    code: 'invalidRequest',
  });
  expect(messageOf(e, 'da')).toBe("Forespørgslen blev afvist: Invalid filter clause: 'fields/MeetingKey'");
  expect(messageOf(e, 'en')).toBe("The request was refused: Invalid filter clause: 'fields/MeetingKey'");
  expect(messageOf(new Invalid('Ugyldig række'), 'en')).toBe('The request was refused.');
});

test('a validation error keeps the domain’s own words (shown at the field they are about)', () => {
  const e = new ValidationError([{ field: 'title', code: 'required', message: 'Titel skal udfyldes.' }]);
  expect(messageOf(e, 'da')).toBe('Titel skal udfyldes.');
});

test('an afbud before the organizer has set the meeting up says what to wait for, in Danish and English', () => {
  const e = new NotFound('no folder', { status: 404, code: 'meetingNotProvisioned' });
  expect(messageOf(e)).toMatch(/organisatoren skal åbne det eller sende dagsordenen/);
  expect(messageOf(e, 'en')).toMatch(/organizer must open it or send the agenda/);
});

test('bad input on an English page is said in English, by field and rule; Danish pages keep the rule’s words', () => {
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
  expect(english).toBe('The title is required. The minutes is out of range. The case number is not valid.');
  expect(english).not.toMatch(/[æøå]|skal|punkt/i);
  const [first] = (error as ValidationError).issues;
  expect(issueMessage(first, 'da')).toBe('Titlen på punkt 1 skal udfyldes.');
  expect(messageOf(error, 'da')).toBe((error as ValidationError).message);
});

import { ValidationError } from '../domain/validation';
import { PortError } from '../ports/errors';
import type { UiLocale } from './i18n/strings';

/** A clear message for any failure, Danish by default; the port's own message when it is already for people. */
export function messageOf(e: unknown, locale: UiLocale = 'da'): string {
  const en = locale === 'en';
  if (e instanceof ValidationError) return e.message;
  if (e instanceof PortError) {
    switch (e.kind) {
      case 'Forbidden':
        return /[æøå]|ikke|Kun/.test(e.message)
          ? e.message
          : en
            ? 'You do not have access to this.'
            : 'Du har ikke adgang til dette.';
      case 'NotFound':
        if (e.details.code === 'meetingNotProvisioned')
          return en
            ? 'The meeting is not set up in Mødeassistent yet: its organizer must open it or send the agenda first.'
            : 'Mødet er ikke gjort klar i Mødeassistent endnu: organisatoren skal åbne det eller sende dagsordenen først.';
        return en
          ? 'It was not found – it may have been deleted.'
          : 'Det blev ikke fundet – det kan være slettet.';
      case 'Conflict':
        return en
          ? 'Someone else changed it at the same time. Reload and try again.'
          : 'En anden har ændret det samtidig. Hent siden igen og prøv igen.';
      case 'Throttled':
        return en
          ? 'Microsoft 365 asks us to slow down. Trying again shortly.'
          : 'Microsoft 365 beder os vente lidt. Vi prøver igen om lidt.';
      case 'Offline':
        return en
          ? 'No connection. Nothing is lost; try again when you are online.'
          : 'Ingen forbindelse. Intet er tabt; prøv igen, når du er online.';
      case 'Unauthorized':
        return /[æøå]/.test(e.message) ? e.message : en ? 'Please sign in again.' : 'Log ind igen.';
      case 'Unavailable':
        return en
          ? 'Microsoft 365 is not answering right now. Try again shortly.'
          : 'Microsoft 365 svarer ikke lige nu. Prøv igen om lidt.';
      case 'Invalid':
        return en ? `The request was refused: ${e.message}` : `Forespørgslen blev afvist: ${e.message}`;
    }
  }
  return e instanceof Error ? e.message : String(e);
}

import { formatLongDate, formatTime, instantOf, localDate, ZONE, type Locale } from '../../../domain/format';

const weekday = {
  da: new Intl.DateTimeFormat('da', { weekday: 'long', timeZone: ZONE }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: ZONE }),
};

/**
 * A meeting's time as people write it in a heading: "onsdag 9. december 2026, kl. 11.00–13.00" (Danish
 * clock times with a full stop, an en dash between them); "Wednesday 9 December 2026, 11:00–13:00".
 */
export function meetingWhen(startIso: string, endIso: string, locale: Locale = 'da'): string {
  const start = instantOf(startIso);
  if (Number.isNaN(+start)) return '';
  const day = `${weekday[locale].format(start)} ${formatLongDate(startIso, locale)}`;
  const time = (iso: string) => (locale === 'da' ? formatTime(iso).replace(':', '.') : formatTime(iso));
  const end =
    localDate(endIso) === localDate(startIso)
      ? time(endIso)
      : `${formatLongDate(endIso, locale)} ${time(endIso)}`;
  return locale === 'da' ? `${day}, kl. ${time(startIso)}–${end}` : `${day}, ${time(startIso)}–${end}`;
}

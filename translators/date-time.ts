// Dates and times as EDI writes them, in X12 and EDIFACT alike: digits only, a day that exists, a 24-hour clock;
// and the time zones they are told in, which EDI leaves to the partners to agree on.

/** CCYYMMDD or YYMMDD, a day that exists. */
export function isDate(value: string): boolean {
  if (!/^\d{6}(?:\d\d)?$/.test(value)) return false;
  const year = value.length === 8 ? Number(value.slice(0, 4)) : 2000 + Number(value.slice(0, 2));
  const month = Number(value.slice(-4, -2));
  const day = Number(value.slice(-2));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/** HHMM, HHMMSS, HHMMSSD or HHMMSSDD, on a 24-hour clock. */
export function isTime(value: string): boolean {
  if (!/^\d{4}(?:\d\d(?:\d{1,2})?)?$/.test(value)) return false;
  const hours = Number(value.slice(0, 2));
  const minutes = Number(value.slice(2, 4));
  const seconds = value.length >= 6 ? Number(value.slice(4, 6)) : 0;
  return hours <= 23 && minutes <= 59 && seconds <= 59;
}

/** The form of an IANA time zone name (America/Chicago, UTC, EST5EDT); isTimeZone says whether it exists. */
export const TIME_ZONE_NAME = { pattern: '^[A-Za-z_][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*$', expects: 'an IANA time zone name, like America/Chicago' } as const;

/** A time zone name of the IANA database, as the runtime's ICU data knows them: America/Chicago, UTC. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// Times as a user reads them: in the user's own zone, with the zone named, and the exact moment kept in
// <time datetime> for whoever needs it.

export interface ShownTime {
  /** ISO 8601, UTC. */
  readonly iso: string;
  /** "22 Nov 2026, 14:05 CET" */
  readonly text: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const days = new Map<string, Intl.DateTimeFormat>();

export function showTime(date: Date, zone: string): ShownTime {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    formats.set(zone, format);
  }
  return { iso: date.toISOString(), text: format.format(date) };
}

export function showOptionalTime(date: Date | null, zone: string): ShownTime | null {
  return date === null ? null : showTime(date, zone);
}

/** The day (YYYY-MM-DD) it is at `now` in the zone. */
export function dayIn(zone: string, now: Date): string {
  let format = days.get(zone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    days.set(zone, format);
  }
  return format.format(now);
}

/** Whether the text is a day of the calendar as YYYY-MM-DD (2025-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "45 seconds", "30 minutes", "2 hours", "12 days": a length of time in words. */
export function durationText(ms: number): string {
  const count = (value: number, unit: string) => `${value} ${unit}${value === 1 ? '' : 's'}`;
  if (ms < 120_000) return count(Math.round(ms / 1000), 'second');
  if (ms < 7_200_000) return count(Math.round(ms / 60_000), 'minute');
  if (ms < 172_800_000) return count(Math.round(ms / 3_600_000), 'hour');
  return count(Math.round(ms / 86_400_000), 'day');
}

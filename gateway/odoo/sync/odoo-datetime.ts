import type { DateTime } from '../../../translators/canonical/index.js';

// Odoo keeps datetimes in UTC as "YYYY-MM-DD HH:MM:SS" and refuses ISO strings with T or a zone (reference
// 2.3). A canonical time with an offset or a zone name is turned into UTC; one with neither is taken as UTC,
// since nothing better is known.

const MINUTE = 60_000;

/**
 * A date alone becomes noon UTC: Odoo shows datetimes in each user's time zone, and noon stays on the same
 * day from UTC-11 to UTC+11, where midnight would show as the day before everywhere in the Americas.
 */
export function odooDatetime(value: DateTime): string {
  if (value.time === undefined) return `${value.date} 12:00:00`;
  const clock = Date.parse(`${value.date}T${value.time.slice(0, 8).padEnd(8, ':00')}Z`);
  const offset = value.utcOffset !== undefined ? offsetMinutes(value.utcOffset) : value.timeZone !== undefined ? zoneOffsetAt(value.timeZone, clock) : 0;
  return new Date(clock - offset * MINUTE).toISOString().slice(0, 19).replace('T', ' ');
}

/** "+05:30" in minutes ahead of UTC. */
function offsetMinutes(offset: string): number {
  const [, sign, hours, minutes] = /^([+-])(\d\d):(\d\d)/.exec(offset) ?? [];
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** Minutes ahead of UTC of the zone whose clock reads `clock`; around a change of clocks, one of the two offsets. */
function zoneOffsetAt(zone: string, clock: number): number {
  const format = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' });
  const at = (instant: number) => offsetMinutes((format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '').slice(3) || '+00:00');
  return at(clock - at(clock) * MINUTE);
}

import type { DateTime } from '../canonical/index.js';
import type { MapOptions } from './map-contract.js';

// What a partner's dateFormats change in the dates the maps read and write, X12 and EDIFACT alike. EDI
// times mostly carry no zone, so the zone the partner's profile names is what such a time means: read in, a
// time without a zone is in the partner's zone; written out, a time in a known zone is told on the partner's
// clock, where it needs no zone, to the minute or second the partner asked for. Without a zone in the profile
// nothing is made up and nothing converted; without dateFormats the maps write what the document holds.

/** Inbound: a time the EDI gives no zone for is in the partner's zone, when its profile names one; a date alone gets none. */
export function withPartnerZone(value: DateTime, options: MapOptions): DateTime {
  const zone = options.dateFormats?.timeZone;
  if (zone === undefined || value.time === undefined || value.utcOffset !== undefined || value.timeZone !== undefined) return value;
  return { ...value, timeZone: zone };
}

/**
 * Outbound: the date and time as the partner is to get them. A time in a zone goes to the partner's zone when
 * the profile names one, and is then written without a zone, as the partner writes its own; a time in no
 * zone, or for a partner whose zone is unknown, is written in the zone it is in.
 */
export function forPartner(value: DateTime, options: MapOptions): DateTime {
  const { time } = value;
  const formats = options.dateFormats;
  if (formats === undefined || time === undefined) return value;
  // An offset fixes the instant; a zone name alone gives it with the zone's rules.
  const from = value.utcOffset ?? value.timeZone;
  const local = formats.timeZone !== undefined && from !== undefined ? inZone(value.date, time, from, formats.timeZone) : { ...value, time };
  return { ...local, time: withPrecision(local.time, formats.time) };
}

/**
 * The time to the minute (HHMM) or the second (HHMMSS). Cutting seconds, or hundredths, is allowed: the
 * partner asked for that precision, and a clock read to the minute shows 14:05 at 14:05:59 (rounding could
 * even carry into the next day). A time to the minute is written to the second with 00.
 */
function withPrecision(time: string, format: 'HHMM' | 'HHMMSS'): string {
  if (format === 'HHMM') return time.slice(0, 5);
  return time.length >= 8 ? time.slice(0, 8) : `${time}:00`;
}

const MINUTE = 60_000;

/** The instant a clock in `from` (an offset or a zone name) shows, on the clock of zone `to`. Offsets are whole minutes, so the seconds stay as they are. */
function inZone(date: string, time: string, from: string, to: string): { date: string; time: string } {
  // Already the partner's clock: kept as it reads, even at a time a change of clocks skips.
  if (from === to) return { date, time };
  const clock = Date.parse(`${date}T${time.slice(0, 5)}Z`);
  const instant = clock - MINUTE * offsetOf(from, clock);
  const there = new Date(instant + MINUTE * offsetAt(to, instant)).toISOString();
  return { date: there.slice(0, 10), time: there.slice(11, 16) + time.slice(5) };
}

/**
 * Minutes ahead of UTC of an offset, or of a zone whose clock reads `clock` (taken as if it were UTC). A clock
 * time that a change of clocks skips or repeats is taken at one of the offsets around it: EDI cannot say which.
 */
function offsetOf(from: string, clock: number): number {
  if (/^[+-]/.test(from)) return minutesOf(from);
  return offsetAt(from, clock - MINUTE * offsetAt(from, clock));
}

const offsetNames = new Map<string, Intl.DateTimeFormat>();

/** Minutes ahead of UTC that `zone` is at `instant`, from the runtime's time zone data. */
function offsetAt(zone: string, instant: number): number {
  let format = offsetNames.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetNames.set(zone, format);
  }
  // "GMT-05:00", or "GMT" alone for UTC itself.
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  return minutesOf(name.slice(3) || '+00:00');
}

/** "+05:30" or "-05:00" in minutes; seconds after them (old local mean times) are left out. */
function minutesOf(offset: string): number {
  const [, sign, hours, minutes] = /^([+-])(\d\d):(\d\d)/.exec(offset) ?? [];
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

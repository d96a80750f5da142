import { Type, type Static, type TString } from '@sinclair/typebox';
import { isDate, isTimeZone, TIME_ZONE_NAME } from '../date-time.js';
import { fields, text } from '../schema/fields.js';
import type { Problem } from './problem.js';
import { withRule } from './rules.js';

// Dates as exact as the source wrote them and no more. EDI often sends a date alone, or a date and time
// with no time zone; those stay so: no midnight, no seconds, no zone is ever made up. A zone is kept only
// when the source states one, as an offset from UTC, as a zone name, or both.

export function calendarDate(description: string): TString {
  const form = { pattern: '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$', expects: 'a date as YYYY-MM-DD, like 2025-03-31' };
  return withRule(text(description, form), (date) =>
    isDate(date.replaceAll('-', '')) ? [] : [{ code: 'DATE_NOT_IN_CALENDAR', path: '', reason: `${date} is not a day of the calendar.` }],
  );
}

export function dateTime(description: string) {
  return withRule(
    fields(description, {
      date: calendarDate('The day, in the calendar of the place it happens; a six-digit EDI date has its century filled in.'),
      time: Type.Optional(
        text('The time of day on a 24-hour clock, to the minute, second or hundredth of a second the source gave; absent when it gave none.', {
          pattern: '^(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,2})?)?$',
          expects: 'a time on a 24-hour clock as HH:MM, HH:MM:SS or HH:MM:SS.ss, like 14:30',
        }),
      ),
      utcOffset: Type.Optional(
        text('How far the time is ahead of (+) or behind (-) UTC, when the source states it: -05:00 for US Eastern Standard Time.', {
          pattern: '^[+-](?:0\\d|1[0-4]):[0-5]\\d$',
          expects: 'a UTC offset as +HH:MM or -HH:MM, like -05:00',
        }),
      ),
      timeZone: Type.Optional(
        text('The IANA name of the time zone the time is in, when the source names a zone rather than an offset: America/Chicago.', TIME_ZONE_NAME),
      ),
    }),
    zoneProblems,
  );
}

export type DateTime = Static<ReturnType<typeof dateTime>>;

/** A zone says where a time was told, so a date alone has none; a named zone must be one that exists. */
function zoneProblems(value: { readonly time?: string; readonly utcOffset?: string; readonly timeZone?: string }): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['utcOffset', 'timeZone'] as const) {
    if (value[field] !== undefined && value.time === undefined) {
      problems.push({ code: 'ZONE_WITHOUT_TIME', path: `/${field}`, reason: 'A UTC offset or time zone belongs to a time, and this date has none.' });
    }
  }
  if (value.timeZone !== undefined && !isTimeZone(value.timeZone)) {
    problems.push({ code: 'TIME_ZONE_UNKNOWN', path: '/timeZone', reason: `"${value.timeZone}" is not a time zone of the IANA time zone database.` });
  }
  return problems;
}

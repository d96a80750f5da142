import type { DateTime } from '../canonical/index.js';
import { isDate, isTime } from '../date-time.js';
import type { TreeLoop, TreeSegment } from '../tree.js';
import { forPartner, withPartnerZone } from './date-formats.js';
import type { MapOptions, OutboundSegment } from './map-contract.js';
import { codeIn, codeOut } from './map-options.js';
import { mapProblem } from './map-result.js';
import { at, segment, text, type Problems } from './x12-elements.js';

// X12 dates and times (DTM, BEG05, BSN03/04, AT705-07 ...) and canonical DateTime, keeping exactly what was
// sent: a date alone stays a date, a time keeps its precision, a zone is there only when a time code (623)
// gives one or, with none, the partner's profile names the zone its times are in. Six-digit dates of older
// senders get their century: 00-49 is 20xx, 50-99 is 19xx. Written, dates and times are as the partner's
// profile asks (translators/maps/date-formats.ts).

/** Time codes (623) and the zone each states: a named zone follows daylight saving, a standard or daylight time is a fixed offset. */
const TIME_CODES: Readonly<Record<string, { readonly utcOffset?: string; readonly timeZone?: string }>> = {
  UT: { utcOffset: '+00:00' },
  GM: { utcOffset: '+00:00' },
  ES: { utcOffset: '-05:00' },
  ED: { utcOffset: '-04:00' },
  CS: { utcOffset: '-06:00' },
  CD: { utcOffset: '-05:00' },
  MS: { utcOffset: '-07:00' },
  MD: { utcOffset: '-06:00' },
  PS: { utcOffset: '-08:00' },
  PD: { utcOffset: '-07:00' },
  AS: { utcOffset: '-09:00' },
  AD: { utcOffset: '-08:00' },
  HS: { utcOffset: '-10:00' },
  HD: { utcOffset: '-09:00' },
  TS: { utcOffset: '-04:00' },
  TD: { utcOffset: '-03:00' },
  NS: { utcOffset: '-03:30' },
  ND: { utcOffset: '-02:30' },
  ET: { timeZone: 'America/New_York' },
  CT: { timeZone: 'America/Chicago' },
  MT: { timeZone: 'America/Denver' },
  PT: { timeZone: 'America/Los_Angeles' },
  AT: { timeZone: 'America/Anchorage' },
  HT: { timeZone: 'Pacific/Honolulu' },
  TT: { timeZone: 'America/Halifax' },
  NT: { timeZone: 'America/St_Johns' },
  // Local time: the time of the place, which is what a time without a zone already says.
  LT: {},
};

/** Where a date, its time and its time code are in a segment: { date: 'DTM02', time: 'DTM03', timeCode: 'DTM04' }. */
export interface DateElements {
  readonly date: string;
  readonly time?: string;
  readonly timeCode?: string;
}

export interface DateRead {
  readonly what: string;
  readonly required: boolean;
}

/** CCYYMMDD or YYMMDD as YYYY-MM-DD; undefined when it is not a day of the calendar. */
export function calendarDateFromX12(value: string): string | undefined {
  if (!isDate(value)) return undefined;
  const full = value.length === 6 ? `${Number(value.slice(0, 2)) < 50 ? '20' : '19'}${value}` : value;
  return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
}

/** A date element alone, as a calendar date. */
export function calendarDateElement(segment: TreeSegment | undefined, element: string, read: DateRead, problems: Problems): string | undefined {
  const value = text(segment, element);
  if (value === '') {
    if (read.required) problems.push(mapProblem('MAP_VALUE_MISSING', `${element}, ${read.what}, is missing.`, at(segment, element)));
    return undefined;
  }
  const date = calendarDateFromX12(value);
  if (date === undefined) problems.push(mapProblem('MAP_VALUE_INVALID', `${element}, ${read.what}, is "${value}", which is not a date (CCYYMMDD).`, at(segment, element)));
  return date;
}

/** A date with the time and time code beside it, as far as the segment gives them. */
export function dateTimeElements(segment: TreeSegment | undefined, elements: DateElements, read: DateRead, options: MapOptions, problems: Problems): DateTime | undefined {
  const date = calendarDateElement(segment, elements.date, read, problems);
  if (date === undefined) return undefined;
  const time = elements.time === undefined ? '' : text(segment, elements.time);
  if (time === '') return { date };
  if (!isTime(time)) {
    problems.push(mapProblem('MAP_VALUE_INVALID', `${elements.time}, the time of ${read.what}, is "${time}", which is not a time (HHMM, HHMMSS or HHMMSSDD).`, at(segment, elements.time ?? '')));
    return undefined;
  }
  const zone = elements.timeCode === undefined ? undefined : timeZone(segment, elements.timeCode, read.what, options, problems);
  // Only a time without a time code is in the partner's zone: LT is the time of the place, which need not be.
  return zone === undefined ? withPartnerZone({ date, time: timeFromX12(time) }, options) : { date, time: timeFromX12(time), ...zone };
}

function timeFromX12(time: string): string {
  const seconds = time.length >= 6 ? `:${time.slice(4, 6)}` : '';
  const fraction = time.length > 6 ? `.${time.slice(6)}` : '';
  return `${time.slice(0, 2)}:${time.slice(2, 4)}${seconds}${fraction}`;
}

/** The zone the time code gives; undefined when there is none. */
function timeZone(segment: TreeSegment | undefined, element: string, what: string, options: MapOptions, problems: Problems): { utcOffset?: string; timeZone?: string } | undefined {
  const code = text(segment, element);
  if (code === '') return undefined;
  const zone = TIME_CODES[codeIn(options, element, code)];
  if (zone === undefined) problems.push(mapProblem('MAP_CODE_UNKNOWN', `${element}, the time code of ${what}, is "${code}", which names no time zone this map knows; the partner's profile can translate it.`, at(segment, element)));
  return zone ?? {};
}

/** The DTM with qualifier DTM01 directly in the loop, read as a DateTime; DTM05 D8 or DT with DTM06 stands in for DTM02/03. */
export function dtmDateTime(loop: TreeLoop<TreeSegment>, qualifier: string, what: string, options: MapOptions, problems: Problems): DateTime | undefined {
  const dtm = loop.segments('DTM').find((candidate) => text(candidate, 'DTM01') === qualifier);
  if (dtm === undefined) return undefined;
  if (text(dtm, 'DTM02') === '' && ['D8', 'DT'].includes(text(dtm, 'DTM05'))) return periodDateTime(dtm, what, options, problems);
  return dateTimeElements(dtm, { date: 'DTM02', time: 'DTM03', timeCode: 'DTM04' }, { what, required: true }, options, problems);
}

/** DTM06 in the format DTM05 names: D8 is CCYYMMDD, DT is CCYYMMDDHHMM. */
function periodDateTime(dtm: TreeSegment, what: string, options: MapOptions, problems: Problems): DateTime | undefined {
  const value = text(dtm, 'DTM06');
  const date = calendarDateFromX12(value.slice(0, 8));
  const time = value.slice(8);
  const valid = date !== undefined && (text(dtm, 'DTM05') === 'D8' ? time === '' : isTime(time) && time.length === 4);
  if (!valid || date === undefined) {
    problems.push(mapProblem('MAP_VALUE_INVALID', `DTM06, ${what}, is "${value}", which is not a date in the format DTM05 names.`, at(dtm, 'DTM06')));
    return undefined;
  }
  return time === '' ? { date } : withPartnerZone({ date, time: timeFromX12(time) }, options);
}

/** YYYY-MM-DD as CCYYMMDD, the only date X12 004010 and 005010 write. */
export function dateOut(date: string): string {
  return date.replaceAll('-', '');
}

/** The day of a DateTime in an element for a date alone (BEG05, BIG01): the day its time falls on for the partner. */
export function dayOut(value: DateTime, options: MapOptions): string {
  return dateOut(forPartner(value, options).date);
}

/** The date, time and time code to write for a DateTime, as the partner's profile asks; a zone no time code names is a problem. */
export function dateTimeOut(dateTime: DateTime, timeCodeElementName: string, path: string, options: MapOptions, problems: Problems): { date: string; time?: string; timeCode?: string } {
  const value = forPartner(dateTime, options);
  const date = dateOut(value.date);
  if (value.time === undefined) return { date };
  // HHMM, HHMMSS or HHMMSSDD: within the 4 to 8 digits of DTM03, BSN04 and AT706 alike.
  const time = value.time.replace(/[:.]/g, '');
  if (value.utcOffset === undefined && value.timeZone === undefined) return { date, time };
  // An offset fixes the instant; a zone name alone is written as the zone's time code.
  const code = Object.entries(TIME_CODES).find(([, zone]) => (value.utcOffset === undefined ? zone.timeZone === value.timeZone : zone.utcOffset === value.utcOffset))?.[0];
  if (code === undefined) {
    const zone = value.utcOffset ?? value.timeZone;
    problems.push(mapProblem('MAP_VALUE_INVALID', `The zone ${zone} at ${path} has no X12 time code (${timeCodeElementName}); write the time in a zone it has.`, { path }));
    return { date, time };
  }
  return { date, time, timeCode: codeOut(options, timeCodeElementName, code) };
}

/** DTM*qualifier with the date, time and time code. */
export function dtmSegment(qualifier: string, value: DateTime, path: string, options: MapOptions, problems: Problems): OutboundSegment {
  const { date, time, timeCode } = dateTimeOut(value, 'DTM04', path, options, problems);
  return segment('DTM', qualifier, date, time, timeCode);
}

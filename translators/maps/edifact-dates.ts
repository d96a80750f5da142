import type { DateTime } from '../canonical/index.js';
import { isDate, isTime } from '../date-time.js';
import type { TreeSegment } from '../tree.js';
import { forPartner, withPartnerZone } from './date-formats.js';
import type { Loop } from './edifact-reading.js';
import { segmentsWhere, type InboundProblems } from './edifact-reading.js';
import type { EdifactSegmentWriter } from './edifact-writing.js';
import type { MapOptions } from './map-contract.js';

// DTM's C507 (qualifier 2005, value 2380, format 2379) and the canonical DateTime, keeping exactly what was
// sent: a date alone stays a date, a time keeps its seconds only when it had them, a zone only when stated or,
// for a time in a format without one, when the partner's profile names the zone its times are in. Written,
// dates and times are as the partner's profile asks (translators/maps/date-formats.ts).

/** How each format 2379 the maps read splits its value: the date, the time, the zone. */
const FORMATS: Readonly<Record<string, RegExp>> = {
  '101': /^(\d{6})$/,
  '102': /^(\d{8})$/,
  '201': /^(\d{6})(\d{4})$/,
  '203': /^(\d{8})(\d{4})$/,
  '204': /^(\d{8})(\d{6})$/,
  '205': /^(\d{8})(\d{4})([+-]\d{4})$/,
  '303': /^(\d{8})(\d{4})(.+)$/,
  '304': /^(\d{8})(\d{6})(.+)$/,
};

/** Many partners leave 2379 out; the length of the value then says which plain format it is. */
const FORMAT_BY_LENGTH: Readonly<Record<number, string>> = { 6: '101', 8: '102', 12: '203', 14: '204' };

/** The DTM directly in `loop` whose qualifier (2005) reads as `qualifier`. */
export function dateSegment(loop: Loop, qualifier: string, options: MapOptions): TreeSegment | undefined {
  return segmentsWhere(loop, 'DTM', 'DTM01-1', [qualifier], options)[0];
}

/** The DateTime a DTM holds, or a problem when its value does not fit its format or the calendar. */
export function readDateTime(problems: InboundProblems, dtm: TreeSegment): DateTime | undefined {
  const value = dtm.value('DTM01-2');
  if (value === '') {
    problems.missing(dtm, 'DTM01-2', `the date of DTM ${dtm.value('DTM01-1')}`);
    return undefined;
  }
  const format = dtm.value('DTM01-3') || FORMAT_BY_LENGTH[value.length] || '';
  const form = FORMATS[format];
  if (form === undefined) {
    problems.invalid(dtm, 'DTM01-3', `DTM01-3 is format "${format}"; this map reads a date or date and time in formats ${Object.keys(FORMATS).join(', ')}.`);
    return undefined;
  }
  const [, date = '', time, zone] = form.exec(value) ?? [];
  if (date === '' || !isDate(date) || (time !== undefined && !isTime(time))) {
    problems.invalid(dtm, 'DTM01-2', `DTM01-2 is "${value}", which is not a date${time === undefined ? '' : ' and time'} in format ${format}.`);
    return undefined;
  }
  const day = date.length === 6 ? `20${date}` : date;
  const result: { -readonly [K in keyof DateTime]: DateTime[K] } = { date: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}` };
  if (time !== undefined) result.time = [time.slice(0, 2), time.slice(2, 4), ...(time.length === 6 ? [time.slice(4)] : [])].join(':');
  if (zone !== undefined) {
    const read = readZone(zone);
    if (read === undefined) {
      problems.invalid(dtm, 'DTM01-2', `DTM01-2 ends in "${zone}", which is neither a UTC offset (+0100) nor a time zone name.`);
      return undefined;
    }
    Object.assign(result, read);
  }
  return result;
}

/** The DateTime of the DTM with that qualifier in `loop`, with a problem when it is required and absent. */
export function dateOf(problems: InboundProblems, loop: Loop, qualifier: string, options: MapOptions, required?: string): DateTime | undefined {
  const dtm = dateSegment(loop, qualifier, options);
  if (dtm === undefined) {
    // Placed at the group's first segment (the message's UNH, or the STS of an event) for want of the DTM.
    const first = loop.children.find((child): child is TreeSegment => child.kind === 'segment');
    if (required !== undefined) problems.missing(first, 'DTM01-2', required, `DTM ${qualifier}`);
    return undefined;
  }
  const value = readDateTime(problems, dtm);
  return value && withPartnerZone(value, options);
}

function readZone(zone: string): Pick<DateTime, 'utcOffset' | 'timeZone'> | undefined {
  const offset = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
  if (offset) return { utcOffset: `${offset[1]}${offset[2]}:${offset[3] ?? '00'}` };
  return isTimeZone(zone) ? { timeZone: zone } : undefined;
}

function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * DTM for a DateTime, as the partner's profile asks: 102 for a date (101 when it asks for YYMMDD), 203 with
 * minutes, 204 with seconds; 303 or 304 with an offset (+0100) or zone name, as D96A has no 205.
 */
export function writeDate(writer: EdifactSegmentWriter, qualifier: string, dateTime: DateTime, path: string): void {
  const value = forPartner(dateTime, writer.options);
  const date = value.date.replaceAll('-', '');
  if (value.time === undefined) {
    writer.segment('DTM', [qualifier, ...dateAlone(date, writer.options)]);
    return;
  }
  if (value.time.includes('.')) writer.unwritable(`${path}/time`, 'DTM formats carry seconds but not fractions of a second.');
  const time = value.time.slice(0, 8).replaceAll(':', '');
  const seconds = time.length === 6;
  const zone = value.utcOffset?.replace(':', '') ?? (value.timeZone === undefined ? undefined : writer.text(value.timeZone, `${path}/timeZone`));
  if (zone === undefined) writer.segment('DTM', [qualifier, date + time, seconds ? '204' : '203']);
  else writer.segment('DTM', [qualifier, date + time + zone, seconds ? '304' : '303']);
}

/**
 * A date without a time, in 101 when the partner asks for YYMMDD. Only a date alone: with a time the partner
 * gets 203 or 204, whose format code says the century is there. A year outside 2000-2099 stays in 102, since
 * YYMMDD would be read in the wrong century, and 102 says which format it is as well.
 */
function dateAlone(date: string, options: MapOptions): [string, string] {
  return options.dateFormats?.date === 'YYMMDD' && date.startsWith('20') ? [date.slice(2), '101'] : [date, '102'];
}

/** The dates of `loop` by the DTM qualifier of each; the ones `required` names are problems when absent. */
export function readDates<K extends string>(problems: InboundProblems, loop: Loop, qualifiers: Readonly<Record<K, string>>, options: MapOptions, required: Partial<Record<K, string>> = {}): Partial<Record<K, DateTime>> {
  const dates: Partial<Record<K, DateTime>> = {};
  for (const [key, qualifier] of Object.entries(qualifiers) as [K, string][]) {
    const value = dateOf(problems, loop, qualifier, options, required[key]);
    if (value !== undefined) dates[key] = value;
  }
  return dates;
}

/** A DTM for each date the document has, in the order of `qualifiers`. */
export function writeDates<K extends string>(writer: EdifactSegmentWriter, dates: Partial<Record<K, DateTime>>, qualifiers: Readonly<Record<K, string>>, path: string): void {
  for (const [key, qualifier] of Object.entries(qualifiers) as [K, string][]) {
    const value = dates[key];
    if (value !== undefined) writeDate(writer, qualifier, value, `${path}/${key}`);
  }
}

import { GatewayError } from '../../errors/gateway-error.js';
import { isCalendarDay } from './time.js';

// The small rules every list page shares: a filter left empty is no filter, a day is a calendar day, and a
// link to the next page keeps the filters.

export const PAGE_SIZE = 50;

/** The text of a form field, undefined when left empty. */
export function filled(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/** A day typed into a filter (YYYY-MM-DD), undefined when left empty. */
export function dayFilter(name: string, value: string | undefined): string | undefined {
  const day = filled(value);
  if (day !== undefined && !isCalendarDay(day)) throw new GatewayError('REQUEST_INVALID', `The ${name} date "${day}" is not a day of the calendar (YYYY-MM-DD).`);
  return day;
}

/** `path?name=value...`, leaving out what is empty. */
export function linkTo(path: string, params: Readonly<Record<string, string | undefined>>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The rows of a page fetched with one more than it shows, and whether a next page exists. */
export function pageOf<T>(rows: readonly T[]): { readonly rows: readonly T[]; readonly more: boolean } {
  return { rows: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
}

import { integrityError, valueError } from '../errors.js';
import { pyRepr } from '../python-repr.js';
import type { Env } from './env.js';
import type { Field, Stored } from './model-spec.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Odoo's datetime text: UTC, no zone suffix, no fraction of a second. */
export function formatDatetime(moment: Date): string {
  return moment.toISOString().slice(0, 19).replace('T', ' ');
}

function validCalendarDate(year: string, month: string, day: string): boolean {
  const moment = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return moment.getUTCMonth() === Number(month) - 1 && moment.getUTCDate() === Number(day);
}

/** Like `fields.Date.to_date`: only the first ten characters count. */
export function parseDate(value: string): string {
  const text = value.slice(0, 10);
  const match = DATE.exec(text);
  if (!match || !validCalendarDate(match[1]!, match[2]!, match[3]!)) throw valueError(`time data ${pyRepr(text)} does not match format '%Y-%m-%d'`);
  return text;
}

/** Like `fields.Datetime.to_datetime`: cut to 19 characters, a bare date is midnight, no ISO "T" or zone. */
export function parseDatetime(value: string): string {
  let text = value.slice(0, 19);
  if (text.length === 10) text += ' 00:00:00';
  const match = DATETIME.exec(text);
  const inRange = match && Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6]) < 60;
  if (!match || !inRange || !validCalendarDate(match[1]!, match[2]!, match[3]!)) {
    throw valueError(`time data ${pyRepr(text)} does not match format '%Y-%m-%d %H:%M:%S'`);
  }
  return text;
}

function wrongValue(field: Field, raw: unknown): never {
  throw valueError(`Wrong value for ${field.model}.${field.name}: ${pyRepr(raw)}`);
}

function toNumber(field: Field, raw: unknown, integerOnly: boolean): number {
  if (raw === false || raw === null || raw === undefined || raw === '') return 0;
  if (raw === true) return 1;
  if (typeof raw === 'number') return integerOnly ? Math.trunc(raw) : raw;
  if (typeof raw === 'string') {
    const parsed = Number(raw.trim());
    if (raw.trim() === '' || Number.isNaN(parsed) || (integerOnly && !Number.isInteger(parsed))) {
      throw valueError(integerOnly ? `invalid literal for int() with base 10: ${pyRepr(raw)}` : `could not convert string to float: ${pyRepr(raw)}`);
    }
    return parsed;
  }
  return wrongValue(field, raw);
}

function pythonTruth(raw: unknown): boolean {
  if (Array.isArray(raw)) return raw.length > 0;
  if (raw !== null && typeof raw === 'object') return Object.keys(raw).length > 0;
  return Boolean(raw);
}

/** A value sent for a non-x2many field, as stored; refused the way Odoo's field conversion refuses it. */
export function convertValue(env: Env, field: Field, raw: unknown): Stored {
  const empty = raw === false || raw === null || raw === undefined;
  switch (field.type) {
    case 'char':
    case 'text':
    case 'html':
    case 'binary':
      if (empty) return false;
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number') return String(raw);
      return wrongValue(field, raw);
    case 'selection':
      if (empty) return false;
      if (typeof raw === 'string' && field.selection?.some(([key]) => key === raw)) return raw;
      return wrongValue(field, raw);
    case 'integer':
      return toNumber(field, raw, true);
    case 'float':
    case 'monetary':
      return toNumber(field, raw, false);
    case 'boolean':
      return pythonTruth(raw);
    case 'date':
      if (empty) return false;
      return typeof raw === 'string' ? parseDate(raw) : wrongValue(field, raw);
    case 'datetime':
      if (empty) return false;
      return typeof raw === 'string' ? parseDatetime(raw) : wrongValue(field, raw);
    case 'many2one': {
      if (empty || raw === 0) return false;
      if (typeof raw !== 'number' || !Number.isInteger(raw)) return wrongValue(field, raw);
      if (!env.db.table(field.relation!).has(raw)) {
        throw integrityError(`${field.model}.${field.name} refers to ${field.relation}(${raw},), which does not exist (foreign key violation).`);
      }
      return raw;
    }
    default:
      return wrongValue(field, raw);
  }
}

/** The empty value a field reads as before anything was written to it. */
export function emptyValue(field: Field): Stored {
  switch (field.type) {
    case 'integer':
    case 'float':
    case 'monetary':
      return 0;
    case 'boolean':
      return false;
    case 'one2many':
    case 'many2many':
      return [];
    default:
      return false;
  }
}

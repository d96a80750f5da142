import { OdooCallError } from '../client/odoo-errors.js';

// Reading Odoo's answers: a many2one is [id, display name] or false, an empty char is false (reference 2.3).

export function many2oneId(value: unknown): number | undefined {
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : typeof value === 'number' ? value : undefined;
}

/** The display name of a many2one as Odoo read it. */
export function many2oneName(value: unknown): string | undefined {
  return Array.isArray(value) && typeof value[1] === 'string' ? value[1] : undefined;
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The id message_post and other one-record methods answer: an int up to 18, a list of one in 19 and JSON-2. */
export function oneId(value: unknown, what: string): number {
  const id = Array.isArray(value) ? value[0] : value;
  if (typeof id !== 'number') throw new OdooCallError('ODOO_FAILED', `Odoo answered ${JSON.stringify(value)} to ${what}, not a record id`);
  return id;
}

import type { AcknowledgmentRow } from '../../store/sql/acknowledgment-search.js';
import { showOptionalTime, showTime } from './time.js';

// The acknowledgments list as a spreadsheet opens it (RFC 4180): times in the user's zone beside the exact
// UTC moment, and no cell a spreadsheet would run as a formula: partners' data is data.

const HEADER = [
  'document',
  'partner',
  'kind',
  'message',
  'reference',
  'purchase orders',
  'interchange control number',
  'group control number',
  'set control number',
  'status',
  'sent',
  'sent (UTC)',
  'acknowledged',
  'acknowledgment due (UTC)',
  'reason',
  'resubmitted as',
];

export interface CsvOptions {
  readonly timeZone: string;
  readonly now: Date;
  readonly statusText: (row: AcknowledgmentRow, now: Date) => string;
}

export function acknowledgmentsCsv(rows: readonly AcknowledgmentRow[], { timeZone, now, statusText }: CsvOptions): string {
  const lines = rows.map((row) =>
    [
      row.id,
      row.partner,
      row.kind,
      row.message,
      row.reference,
      row.references.filter((number) => number !== row.reference).join(' '),
      row.interchangeControlNumber,
      row.groupControlNumber,
      row.setControlNumber,
      statusText(row, now),
      showTime(row.createdAt, timeZone).text,
      row.createdAt.toISOString(),
      showOptionalTime(row.acknowledgedAt, timeZone)?.text ?? null,
      row.dueAt?.toISOString() ?? null,
      row.reason,
      row.resubmittedAs,
    ].map(cell),
  );
  return [HEADER.map(cell), ...lines].map((line) => line.join(',')).join('\r\n') + '\r\n';
}

/** One cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is kept from running as a formula. */
export function cell(value: string | null): string {
  if (value === null) return '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

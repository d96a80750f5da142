import type { Invoice } from '../canonical/index.js';
import { dateSegment, readDateTime } from './edifact-dates.js';
import { codeOf, decimalOf, field, joinedText, type InboundProblems, type Loop } from './edifact-reading.js';
import type { EdifactSegmentWriter } from './edifact-writing.js';
import type { MapOptions } from './map-contract.js';

// Payment terms from the PAT groups: PAT 1 (basic) gives the net terms, PAT 22 (discount) the discount, each
// as a number of days after the invoice date (C112: 5 invoice date, 3 after, D days), a due date (DTM 13
// net, 12 discount) and, for the discount, its percentage (PCD 12). Periods in months or weeks have no
// place in the canonical terms; their due dates and words still do.

type PaymentTerms = NonNullable<Invoice['terms']>;

const BASIC = '1';
const DISCOUNT = '22';
const NET_DUE = '13';
const DISCOUNT_DUE = '12';
const DISCOUNT_PERCENT = '12';
const DAYS_AFTER_INVOICE = ['5', '3', 'D'];
/** C110 4277 is mandatory before the terms in words; ZZZ says they are the partners' own. */
const MUTUALLY_DEFINED = 'ZZZ';

export function readPaymentTerms(problems: InboundProblems, groups: readonly Loop[], options: MapOptions): PaymentTerms | undefined {
  let terms: PaymentTerms = {};
  for (const group of groups) {
    const pat = group.segment('PAT');
    if (pat === undefined) continue;
    const days = pat.value('PAT03-3') === 'D' && /^\d+$/.test(pat.value('PAT03-4')) ? Number(pat.value('PAT03-4')) : undefined;
    const due = (qualifier: string) => {
      const dtm = dateSegment(group, qualifier, options);
      return dtm && readDateTime(problems, dtm)?.date;
    };
    if (codeOf(options, pat, 'PAT01') === DISCOUNT) {
      const pcd = group.segment('PCD');
      terms = { ...terms, ...field('discountDays', days), ...field('discountDueDate', due(DISCOUNT_DUE)), ...field('discountPercent', pcd && decimalOf(problems, pcd, 'PCD01-2', 'the discount percentage')) };
    } else {
      terms = { ...terms, ...field('description', joinedText(pat, 'PAT02', 4, 5)), ...field('netDays', days), ...field('netDueDate', due(NET_DUE)) };
    }
  }
  return Object.keys(terms).length > 0 ? terms : undefined;
}

export function writePaymentTerms(writer: EdifactSegmentWriter, terms: PaymentTerms, path: string): void {
  const period = (days: number | undefined) => (days === undefined ? '' : [...DAYS_AFTER_INVOICE, String(days)]);
  const dueDate = (qualifier: string, date: string) => writer.segment('DTM', [qualifier, date.replaceAll('-', ''), '102']);
  if (terms.description !== undefined || terms.netDays !== undefined || terms.netDueDate !== undefined) {
    writer.segment('PAT', BASIC, terms.description === undefined ? '' : [MUTUALLY_DEFINED, '', '', writer.text(terms.description, `${path}/description`)], period(terms.netDays));
    if (terms.netDueDate !== undefined) dueDate(NET_DUE, terms.netDueDate);
  }
  if (terms.discountDays !== undefined || terms.discountDueDate !== undefined || terms.discountPercent !== undefined) {
    writer.segment('PAT', DISCOUNT, '', period(terms.discountDays));
    if (terms.discountDueDate !== undefined) dueDate(DISCOUNT_DUE, terms.discountDueDate);
    if (terms.discountPercent !== undefined) writer.segment('PCD', [DISCOUNT_PERCENT, writer.decimal(terms.discountPercent, `${path}/discountPercent`)]);
  }
}

import type { Invoice } from '../canonical/index.js';

// The transaction type codes (640, BIG07) of an 810 and the canonical invoice types: a credit memo is owed to
// the buyer, a debit memo adds to an earlier invoice; a debit invoice, or no code at all, is an invoice.

export const INVOICE_TYPES: Readonly<Record<string, Invoice['invoiceType']>> = {
  DI: 'invoice',
  CR: 'credit-note',
  DR: 'debit-note',
};

// Where INVOIC keeps what the Invoice maps read and write: its segment groups, numbered per directory, and
// the qualifiers of its dates, references, quantities and amounts.

export const INVOIC_GROUPS = {
  D96A: {
    references: 'SG1', parties: 'SG2', currency: 'SG7', terms: 'SG8', allowance: 'SG15', allowancePercent: 'SG18', allowanceAmount: 'SG19',
    line: 'SG25', lineAmount: 'SG26', linePrice: 'SG28', lineReference: 'SG29', lineTax: 'SG33', lineAllowance: 'SG38', lineAllowancePercent: 'SG40', lineAllowanceAmount: 'SG41',
    total: 'SG48', tax: 'SG50',
  },
  D01B: {
    references: 'SG1', parties: 'SG2', currency: 'SG7', terms: 'SG8', allowance: 'SG16', allowancePercent: 'SG19', allowanceAmount: 'SG20',
    line: 'SG26', lineAmount: 'SG27', linePrice: 'SG29', lineReference: 'SG30', lineTax: 'SG34', lineAllowance: 'SG39', lineAllowancePercent: 'SG41', lineAllowanceAmount: 'SG42',
    total: 'SG50', tax: 'SG52',
  },
} as const;

export type InvoicGroups = (typeof INVOIC_GROUPS)[keyof typeof INVOIC_GROUPS];

/** 137 document date, 11 despatch date. */
export const INVOICE_DATES = { invoiced: '137', shipped: '11' } as const;

/** RFF 1153: ON order number, AAK despatch advice number, BM bill of lading, LI the order line. */
export const INVOICE_REFERENCES = { orderNumber: 'ON', shipmentId: 'AAK', billOfLading: 'BM' } as const;
export const ORDER_LINE = 'LI';

/** BGM 1001: 380 commercial invoice, 381 credit note, 383 debit note. */
export const INVOICE_TYPES = { '380': 'invoice', '381': 'credit-note', '383': 'debit-note' } as const;

/** QTY 6063 47: the invoiced quantity. MOA 5025 203: the line item amount. */
export const INVOICED = '47';
export const LINE_AMOUNT = '203';

/**
 * MOA 5025 of the totals: 79 line items, 260 allowances, 259 charges, 176 taxes, 77 invoice amount (86, the
 * message total, read as well), 9 amount due.
 */
export const TOTALS = { lines: ['79'], allowances: ['260'], charges: ['259'], taxes: ['176'], total: ['77', '86'], payable: ['9'] } as const;

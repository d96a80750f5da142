import type { Invoice } from '../canonical/index.js';
import { readDates } from './edifact-dates.js';
import { readAllowances, readTaxes } from './edifact-invoice-amounts.js';
import { INVOIC_GROUPS, INVOICE_DATES, INVOICE_REFERENCES, INVOICE_TYPES, INVOICED, LINE_AMOUNT, ORDER_LINE, TOTALS } from './edifact-invoic-layout.js';
import { readItem } from './edifact-items.js';
import { readPurpose } from './edifact-message-function.js';
import { amountOf, readCurrency, readPrice } from './edifact-money.js';
import { readParties } from './edifact-parties.js';
import { readPaymentTerms } from './edifact-payment-terms.js';
import { readQuantity } from './edifact-quantities.js';
import { codeOf, directoryTable, field, InboundProblems, loopsWhere, present, required, type Loop } from './edifact-reading.js';
import type { InboundMap, MapOptions } from './map-contract.js';
import { documentResult } from './map-result.js';

// INVOIC (D96A, D01B) -> Invoice: BGM for the type, number and purpose, the dates, references and parties,
// CUX for the currency, PAT for the terms, ALC for the allowances and charges, one line per LIN group
// (invoiced quantity QTY 47, amount MOA 203, price PRI, its own taxes and allowances), and after UNS the
// totals (MOA 79, 259, 260, 176, 77 or 86, 9) and the tax totals. Amounts stay exactly as sent.

export const edifactInvoicToInvoice: InboundMap<Invoice> = (tree, source, options) => {
  const problems = new InboundProblems();
  const groups = directoryTable(source, INVOIC_GROUPS, problems);
  if (groups === undefined) return { ok: false, problems: problems.list };
  const bgm = tree.segment('BGM');
  const invoiceType = bgm && INVOICE_TYPES[codeOf(options, bgm, 'BGM01-1') as keyof typeof INVOICE_TYPES];
  if (bgm && invoiceType === undefined) problems.unknownCode(bgm, 'BGM01-1', 'an invoice type');
  const invoiceNumber = required(problems, bgm, 'BGM02', 'the invoice number');
  const currency = readCurrency(tree.loops(groups.currency));
  const reference = (qualifier: string) => present(loopsWhere(tree, groups.references, 'RFF01-1', [qualifier], options)[0]?.value('RFF01-2') ?? '');
  const lines = tree.loops(groups.line).map((line) => {
    const lin = line.segment('LIN');
    const orderLine = present(loopsWhere(line, groups.lineReference, 'RFF01-1', [ORDER_LINE], options)[0]?.value('RFF01-2') ?? '');
    const unitPrice = readPrice(problems, line.loops(groups.linePrice), currency, options);
    if (unitPrice === undefined && line.loops(groups.linePrice).length === 0) problems.missing(lin, 'PRI01-2', 'the unit price', 'PRI');
    return {
      lineNumber: required(problems, lin, 'LIN01', 'the line number'),
      ...field('orderLineNumber', orderLine),
      item: readItem(line, options),
      quantity: readQuantity(problems, line, [INVOICED], options, 'the invoiced quantity'),
      unitPrice,
      ...field('amount', amountOf(problems, line, [LINE_AMOUNT], currency, options, 'the line amount', groups.lineAmount)),
      ...field('allowancesCharges', readAllowances(problems, line.loops(groups.lineAllowance), { percent: groups.lineAllowancePercent, amount: groups.lineAllowanceAmount }, currency, options)),
      ...field('taxes', readTaxes(problems, line.loops(groups.lineTax), currency, options)),
    };
  });
  const invoice = {
    kind: 'invoice',
    source,
    purpose: readPurpose(problems, bgm, options),
    invoiceType,
    invoiceNumber,
    ...field('orderNumber', reference(INVOICE_REFERENCES.orderNumber)),
    ...field('shipmentId', reference(INVOICE_REFERENCES.shipmentId)),
    ...field('billOfLading', reference(INVOICE_REFERENCES.billOfLading)),
    dates: readDates(problems, tree, INVOICE_DATES, options, { invoiced: 'the invoice date' }),
    parties: readParties(tree.loops(groups.parties), options),
    ...field('terms', readPaymentTerms(problems, tree.loops(groups.terms), options)),
    lines,
    ...field('allowancesCharges', readAllowances(problems, tree.loops(groups.allowance), { percent: groups.allowancePercent, amount: groups.allowanceAmount }, currency, options)),
    ...field('taxes', readTaxes(problems, tree.loops(groups.tax), currency, options)),
    totals: readTotals(problems, tree, groups.total, currency, options),
  };
  return documentResult(invoice as Invoice, problems.list);
};

function readTotals(problems: InboundProblems, tree: Loop, id: string, currency: string | undefined, options: MapOptions) {
  const total = (key: keyof typeof TOTALS, what: string) => amountOf(problems, tree, TOTALS[key], currency, options, what, id);
  const invoiceTotal = total('total', 'the invoice total');
  if (invoiceTotal === undefined && !loopsWhere(tree, id, 'MOA01-1', TOTALS.total, options).length) problems.missing(tree.segment('UNS'), 'MOA01-2', 'the invoice total', 'MOA 77');
  return {
    ...field('lines', total('lines', 'the total of the lines')),
    ...field('allowances', total('allowances', 'the total of the allowances')),
    ...field('charges', total('charges', 'the total of the charges')),
    ...field('taxes', total('taxes', 'the total of the taxes')),
    total: invoiceTotal,
    ...field('payable', total('payable', 'the amount payable')),
  };
}

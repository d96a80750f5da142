import { userError } from '../errors.js';
import { boolean, char, date, float, html, many2one, one2many, selection } from '../orm/fields.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec, Row } from '../orm/model-spec.js';
import { existingRows, get } from '../orm/records.js';
import { sumOf } from './amounts.js';
import { commercialPartner } from './res-partner.js';

const SALE_TYPES = ['out_invoice', 'out_refund', 'out_receipt'];
const PURCHASE_TYPES = ['in_invoice', 'in_refund', 'in_receipt'];
const PAYMENT_STATES = [
  ['not_paid', 'Not Paid'],
  ['in_payment', 'In Payment'],
  ['paid', 'Paid'],
  ['partial', 'Partially Paid'],
  ['reversed', 'Reversed'],
  ['blocked', 'Blocked'],
  ['invoicing_legacy', 'Invoicing App Legacy'],
] as const;

const linesOf = (env: Env, move: Row) => [...env.db.table('account.move.line').values()].filter((line) => line.move_id === move.id);
const productLines = (env: Env, move: Row) => linesOf(env, move).filter((line) => line.display_type === 'product');
const total = (field: string) => (env: Env, row: Row) => sumOf(productLines(env, row).map((line) => Number(get(env, 'account.move.line', line.id, field))));
const isInvoice = (move: Row) => SALE_TYPES.includes(String(move.move_type)) || PURCHASE_TYPES.includes(String(move.move_type));

function journalFor(env: Env, moveType: unknown): number | false {
  const wanted = SALE_TYPES.includes(String(moveType)) ? 'sale' : PURCHASE_TYPES.includes(String(moveType)) ? 'purchase' : 'general';
  const journal = [...env.db.table('account.journal').values()].find((row) => row.type === wanted && row.active !== false);
  return journal ? journal.id : false;
}

/** The sequence mixin's starting formats: INV/2025/00001 for sales, BILL/2025/05/0001 elsewhere, R-prefixed refunds. */
function nextName(env: Env, move: Row): string {
  const journalCode = String(get(env, 'account.journal', move.journal_id!, 'code') || 'MISC');
  const refund = String(move.move_type).endsWith('refund') && get(env, 'account.journal', move.journal_id!, 'refund_sequence') === true;
  const day = String(move.date || env.today);
  const yearly = SALE_TYPES.includes(String(move.move_type));
  const prefix = `${refund ? 'R' : ''}${journalCode}/${day.slice(0, 4)}/${yearly ? '' : `${day.slice(5, 7)}/`}`;
  const used = [...env.db.table('account.move').values()]
    .map((row) => String(row.name))
    .filter((name) => name.startsWith(prefix))
    .map((name) => Number(name.slice(prefix.length)) || 0);
  return `${prefix}${String(Math.max(0, ...used) + 1).padStart(yearly ? 5 : 4, '0')}`;
}

function postingRefusal(env: Env, move: Row): string | undefined {
  if (move.state === 'posted') return `The entry ${String(move.name)} (id ${move.id}) is already posted.`;
  if (!linesOf(env, move).some((line) => line.display_type !== 'line_section' && line.display_type !== 'line_note')) return 'You need to add a line before posting.';
  if (isInvoice(move) && !move.partner_id) {
    return SALE_TYPES.includes(String(move.move_type))
      ? "The field 'Customer' is required, please complete it to validate the Customer Invoice."
      : "The field 'Vendor' is required, please complete it to validate the Vendor Bill.";
  }
  if (PURCHASE_TYPES.includes(String(move.move_type)) && !move.invoice_date) return 'The Bill/Refund date is required to validate this document.';
  if (isInvoice(move) && Number(get(env, 'account.move', move.id, 'amount_total')) < 0) {
    return 'You cannot validate an invoice with a negative total amount. You should create a credit note instead. Use the action menu to transform it into a credit note or refund.';
  }
  return undefined;
}

function post(env: Env, moves: readonly Row[]): boolean {
  for (const move of moves) {
    const refusal = postingRefusal(env, move);
    if (refusal) throw userError(refusal);
  }
  for (const move of moves) {
    if (isInvoice(move)) {
      if (!move.invoice_date) move.invoice_date = env.today;
      move.date = move.invoice_date!;
      if (!move.invoice_date_due) move.invoice_date_due = move.invoice_date!;
    }
    if (!move.name || move.name === '/') move.name = nextName(env, move);
    Object.assign(move, { state: 'posted', posted_before: true, write_date: env.now });
  }
  return false;
}

function setStates(env: Env, moves: readonly Row[], allowed: readonly string[], refusal: string, state: string): undefined {
  if (moves.some((move) => !allowed.includes(String(move.state)))) throw userError(refusal);
  for (const move of moves) Object.assign(move, { state, write_date: env.now });
  return undefined;
}

export const accountMove: ModelSpec = {
  name: 'account.move',
  description: 'Journal Entry',
  order: 'date desc, name desc, id desc',
  thread: true,
  nameSearch: ['ref'],
  displayName: (_env, row) => (row.name && row.name !== '/' ? String(row.name) : row.state === 'draft' ? 'Draft' : '/'),
  fields: {
    name: char('Number', { default: () => '/' }),
    ref: char('Reference'),
    payment_reference: char('Payment Reference'),
    invoice_origin: char('Origin'),
    move_type: selection(
      'Type',
      [
        ['entry', 'Journal Entry'],
        ['out_invoice', 'Customer Invoice'],
        ['out_refund', 'Customer Credit Note'],
        ['in_invoice', 'Vendor Bill'],
        ['in_refund', 'Vendor Credit Note'],
        ['out_receipt', 'Sales Receipt'],
        ['in_receipt', 'Purchase Receipt'],
      ],
      { required: true, default: () => 'entry' },
    ),
    state: selection(
      'Status',
      [
        ['draft', 'Draft'],
        ['posted', 'Posted'],
        ['cancel', 'Cancelled'],
      ],
      { required: true, default: () => 'draft' },
    ),
    posted_before: boolean('Posted Before'),
    partner_id: many2one('Partner', 'res.partner', { ondelete: 'restrict' }),
    commercial_partner_id: many2one('Commercial Entity', 'res.partner', {
      compute: (env, row) => (typeof row.partner_id === 'number' ? commercialPartner(env, env.db.table('res.partner').get(row.partner_id)!).id : false),
    }),
    partner_shipping_id: many2one('Delivery Address', 'res.partner'),
    invoice_date: date('Invoice/Bill Date'),
    invoice_date_due: date('Due Date'),
    delivery_date: date('Delivery Date'),
    date: date('Date', { required: true, default: (env) => env.today }),
    journal_id: many2one('Journal', 'account.journal', { required: true, default: (env, vals) => journalFor(env, vals.move_type) }),
    currency_id: many2one('Currency', 'res.currency', { required: true, default: (env) => get(env, 'res.company', env.companyId, 'currency_id') }),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
    invoice_user_id: many2one('Salesperson', 'res.users', { default: (env) => env.uid }),
    invoice_line_ids: one2many('Invoice lines', 'account.move.line', 'move_id'),
    line_ids: one2many('Journal Items', 'account.move.line', 'move_id'),
    amount_untaxed: float('Untaxed Amount', { compute: total('price_subtotal') }),
    amount_total: float('Total', { compute: total('price_total') }),
    amount_tax: float('Tax', { compute: (env, row) => sumOf([Number(total('price_total')(env, row)), -Number(total('price_subtotal')(env, row))]) }),
    amount_residual: float('Amount Due', {
      compute: (env, row) => (row.payment_state === 'paid' || row.payment_state === 'reversed' ? 0 : Number(total('price_total')(env, row))),
    }),
    amount_total_signed: float('Total Signed', {
      compute: (env, row) => (['out_refund', 'in_invoice', 'in_receipt'].includes(String(row.move_type)) ? -1 : 1) * Number(total('price_total')(env, row)),
    }),
    payment_state: selection('Payment Status', PAYMENT_STATES, { default: () => 'not_paid' }),
    status_in_payment: selection('Status in Payment', [['draft', 'Draft'], ['cancel', 'Cancelled'], ...PAYMENT_STATES], {
      compute: (_env, row) => (row.state === 'posted' ? (row.payment_state ?? 'not_paid') : (row.state ?? 'draft')),
    }),
    narration: html('Terms and Conditions'),
    reversed_entry_id: many2one('Reversal of', 'account.move'),
    reversal_move_id: one2many('Reversal Move', 'account.move', 'reversed_entry_id'),
    reversal_move_ids: one2many('Reversal Moves', 'account.move', 'reversed_entry_id'),
    to_check: boolean('To Check'),
    checked: boolean('Reviewed'),
  },
  beforeUnlink: (_env, moves) => {
    if (moves.some((move) => move.posted_before === true)) throw userError('You cannot delete an entry which has been posted once.');
  },
  methods: {
    action_post: { run: (env, ids, _args, model) => post(env, existingRows(env, model, ids)) },
    button_draft: {
      run: (env, ids, _args, model) =>
        setStates(env, existingRows(env, model, ids), ['posted', 'cancel'], 'Only posted/cancelled journal entries can be reset to draft.', 'draft'),
    },
    button_cancel: {
      run: (env, ids, _args, model) => setStates(env, existingRows(env, model, ids), ['draft'], 'Only draft journal entries can be cancelled.', 'cancel'),
    },
  },
};

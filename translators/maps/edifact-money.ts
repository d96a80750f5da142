import type { Money } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import { decimalOf, loopsWhere, segmentsWhere, type InboundProblems, type Loop } from './edifact-reading.js';
import type { EdifactSegmentWriter } from './edifact-writing.js';
import type { MapOptions } from './map-contract.js';

// Amounts (MOA C516) and prices (PRI C509) as exact decimals with their currency. An amount names its own
// currency (6345) or takes the message's, from CUX; the message's is written once in CUX and an amount
// names its own only when it differs.

/** Net price (AAA) before gross (AAB), as the buyer pays the net one. */
const PRICE_QUALIFIERS = ['AAA', 'AAB'];

/** The message's currency: the reference currency (6347 = 2) of its first CUX, or of the first CUX at all. */
export function readCurrency(groups: readonly Loop[]): string | undefined {
  const cux = groups.map((group) => group.segment('CUX')).filter((found): found is TreeSegment => found !== undefined);
  const reference = cux.find((at) => at.value('CUX01-1') === '2') ?? cux[0];
  return reference?.value('CUX01-2') || undefined;
}

/** The money of one MOA, in its own currency or the message's. */
export function readAmount(problems: InboundProblems, moa: TreeSegment, currency: string | undefined, what: string): Money | undefined {
  const amount = decimalOf(problems, moa, 'MOA01-2', what);
  if (amount === undefined) {
    if (moa.value('MOA01-2') === '') problems.missing(moa, 'MOA01-2', what);
    return undefined;
  }
  const named = moa.value('MOA01-3') || currency;
  if (named === undefined) {
    problems.missing(moa, 'MOA01-3', `the currency of ${what}, which no CUX gives either`);
    return undefined;
  }
  return { amount, currency: named };
}

/** The money of the first MOA with one of `qualifiers` (5025) directly in `loop`, or in a group `id` of it that starts with one. */
export function amountOf(problems: InboundProblems, loop: Loop, qualifiers: readonly string[], currency: string | undefined, options: MapOptions, what: string, id?: string): Money | undefined {
  for (const qualifier of qualifiers) {
    const moa = id === undefined ? segmentsWhere(loop, 'MOA', 'MOA01-1', [qualifier], options)[0] : loopsWhere(loop, id, 'MOA01-1', [qualifier], options)[0]?.segment('MOA');
    if (moa !== undefined) return readAmount(problems, moa, currency, what);
  }
  return undefined;
}

/** The unit price from the PRI groups of a line: net before gross, per one unit of the quantity. */
export function readPrice(problems: InboundProblems, groups: readonly Loop[], currency: string | undefined, options: MapOptions): Money | undefined {
  const pri = PRICE_QUALIFIERS.map((qualifier) => groups.flatMap((group) => segmentsWhere(group, 'PRI', 'PRI01-1', [qualifier], options))[0]).find((found) => found !== undefined) ?? groups[0]?.segment('PRI');
  if (pri === undefined) return undefined;
  const basis = pri.value('PRI01-5');
  if (basis !== '' && Number(basis.replace(',', '.')) !== 1) {
    problems.invalid(pri, 'PRI01-5', `PRI01-5 gives the price per ${basis} units; the canonical unit price is per one unit, and this map does not divide prices.`);
    return undefined;
  }
  const amount = decimalOf(problems, pri, 'PRI01-2', 'the unit price');
  if (amount === undefined) return undefined;
  if (currency === undefined) {
    problems.missing(pri, 'CUX01-2', 'the currency of the price', 'CUX');
    return undefined;
  }
  return { amount, currency };
}

/** MOA, naming its currency only when it is not the message's. */
export function writeAmount(writer: EdifactSegmentWriter, qualifier: string, money: Money, messageCurrency: string, path: string): void {
  const amount = writer.decimal(money.amount, `${path}/amount`);
  writer.segment('MOA', money.currency === messageCurrency ? [qualifier, amount] : [qualifier, amount, money.currency]);
}

/** PRI+AAA for a net unit price, in the message's currency. */
export function writePrice(writer: EdifactSegmentWriter, price: Money, messageCurrency: string, path: string): void {
  if (price.currency !== messageCurrency) writer.unwritable(`${path}/currency`, `a price is in the message's currency (CUX, ${messageCurrency}).`);
  writer.segment('PRI', ['AAA', writer.decimal(price.amount, `${path}/amount`)]);
}

/** CUX+2:<currency>:<use>: 9 the order currency, 4 the invoicing currency. */
export function writeCurrency(writer: EdifactSegmentWriter, currency: string, use: '4' | '9'): void {
  writer.segment('CUX', ['2', currency, use]);
}

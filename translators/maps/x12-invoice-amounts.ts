import type { Invoice } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import type { MapOptions, OutboundSegment } from './map-contract.js';
import { codeIn, codeOut } from './map-options.js';
import { mapProblem } from './map-result.js';
import { at, decimalElement, field, impliedDecimalElement, impliedDecimalOut, optionalText, segment, text, type Problems } from './x12-elements.js';
import { percentFromX12, percentToX12 } from './x12-percent.js';

// The money of an 810 besides its prices: allowances and charges (SAC, amount with implied decimals), taxes
// (TXI, amount as written), both on the invoice and on a line. A reason or tax type this map cannot name is a
// problem: the partner's profile translates its codes (SAC02, TXI01) to ones it knows.

type AllowanceCharge = NonNullable<Invoice['allowancesCharges']>[number];
type Tax = NonNullable<Invoice['taxes']>[number];

/** Service, promotion, allowance or charge codes (1300). */
const REASONS: Readonly<Record<string, NonNullable<AllowanceCharge['reason']>>> = {
  C310: 'discount',
  A260: 'promotion',
  D240: 'freight',
  D500: 'handling',
  D980: 'insurance',
  ZZZZ: 'other',
};

/** Tax type codes (963). */
const TAX_TYPES: Readonly<Record<string, Tax['type']>> = {
  ST: 'sales',
  LS: 'sales',
  SU: 'sales',
  VA: 'value-added',
  GS: 'goods-and-services',
  ZZ: 'other',
};

function codeFor<V extends string>(table: Readonly<Record<string, V>>, meaning: V): string | undefined {
  return Object.entries(table).find(([, value]) => value === meaning)?.[0];
}

export function allowanceChargeFrom(sac: TreeSegment, currency: string, version: string, options: MapOptions, problems: Problems): AllowanceCharge | undefined {
  const indicator = text(sac, 'SAC01');
  const type = indicator === 'A' ? 'allowance' : indicator === 'C' ? 'charge' : undefined;
  if (type === undefined) problems.push(mapProblem('MAP_CODE_UNKNOWN', `SAC01 is "${indicator}"; an allowance is A, a charge C.`, at(sac, 'SAC01')));
  const code = text(sac, 'SAC02');
  const reason = code === '' ? undefined : REASONS[codeIn(options, 'SAC02', code)];
  if (code !== '' && reason === undefined) {
    problems.push(mapProblem('MAP_CODE_UNKNOWN', `SAC02 is "${code}", an allowance or charge this map does not know; the partner's profile can translate it.`, at(sac, 'SAC02')));
  }
  const amount = impliedDecimalElement(sac, 'SAC05', { what: 'the amount of the allowance or charge', required: true }, problems);
  const percent = decimalElement(sac, 'SAC07', { what: 'the percent of the allowance or charge', required: false }, problems);
  if (type === undefined || amount === undefined) return undefined;
  return {
    type,
    ...field('reason', reason),
    ...field('description', optionalText(sac, 'SAC15')),
    ...field('percent', percent && percentFromX12(percent, version)),
    amount: { amount, currency },
  };
}

export function taxFrom(txi: TreeSegment, currency: string, version: string, options: MapOptions, problems: Problems): Tax | undefined {
  const code = text(txi, 'TXI01');
  const type = TAX_TYPES[codeIn(options, 'TXI01', code)];
  if (type === undefined) problems.push(mapProblem('MAP_CODE_UNKNOWN', `TXI01 is "${code}", a tax this map does not know; the partner's profile can translate it.`, at(txi, 'TXI01')));
  const amount = decimalElement(txi, 'TXI02', { what: 'the amount of tax', required: true }, problems);
  const rate = decimalElement(txi, 'TXI03', { what: 'the tax rate', required: false }, problems);
  const taxable = decimalElement(txi, 'TXI08', { what: 'the amount taxed', required: false }, problems);
  if (type === undefined || amount === undefined) return undefined;
  return {
    type,
    ...field('rate', rate && percentFromX12(rate, version)),
    ...field('taxableAmount', taxable === undefined ? undefined : { amount: taxable, currency }),
    amount: { amount, currency },
  };
}

export function sacOut(charge: AllowanceCharge, path: string, version: string, options: MapOptions, problems: Problems): OutboundSegment {
  const code = charge.reason && codeOut(options, 'SAC02', codeFor(REASONS, charge.reason) ?? 'ZZZZ');
  return segment(
    'SAC',
    charge.type === 'allowance' ? 'A' : 'C',
    code,
    undefined,
    undefined,
    impliedDecimalOut(charge.amount.amount, `${path}/amount/amount`, problems),
    // SAC06 must come with a percent; the canonical percent is of the gross amount (3).
    charge.percent && '3',
    charge.percent && percentToX12(charge.percent, version),
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    charge.description,
  );
}

export function txiOut(tax: Tax, path: string, version: string, options: MapOptions, problems: Problems): OutboundSegment {
  const code = codeFor(TAX_TYPES, tax.type);
  if (code === undefined) problems.push(mapProblem('MAP_CODE_UNKNOWN', `The tax type ${tax.type} at ${path}/type has no X12 tax type code (TXI01).`, { path: `${path}/type` }));
  return segment('TXI', code && codeOut(options, 'TXI01', code), tax.amount.amount, tax.rate && percentToX12(tax.rate, version), undefined, undefined, undefined, undefined, tax.taxableAmount?.amount);
}

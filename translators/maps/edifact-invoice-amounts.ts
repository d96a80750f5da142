import type { Invoice } from '../canonical/index.js';
import { readAmount, writeAmount } from './edifact-money.js';
import { codeOf, decimalOf, field, present, segmentsWhere, type InboundProblems, type Loop } from './edifact-reading.js';
import type { EdifactSegmentWriter } from './edifact-writing.js';
import type { MapOptions } from './map-contract.js';
import { codeOut } from './map-options.js';

// An invoice's allowances and charges (ALC with its PCD and MOA groups) and taxes (TAX with its MOA), on
// the invoice and on its lines alike.

type AllowanceCharge = NonNullable<Invoice['allowancesCharges']>[number];
type Reason = NonNullable<AllowanceCharge['reason']>;
type Tax = NonNullable<Invoice['taxes']>[number];

/** ALC 5463: A allowance, C charge. */
const ALLOWANCE_TYPES: Readonly<Record<string, AllowanceCharge['type']>> = { A: 'allowance', C: 'charge' };
/** ALC05 7161: DI discount, PAD promotion, FC freight, HD handling, PC packaging, IN insurance, ZZZ mutually defined. */
const REASONS: Readonly<Record<string, Reason>> = { DI: 'discount', PAD: 'promotion', FC: 'freight', HD: 'handling', PC: 'packaging', IN: 'insurance', ZZZ: 'other' };
/** MOA 5025 of an allowance or charge: 8 its amount, 204 an allowance, 23 a charge. 8 is written. */
const ALLOWANCE_AMOUNTS = ['8', '204', '23'];
/** PCD 5245 3: allowance or charge percentage. */
const ALLOWANCE_PERCENT = '3';
/** TAX 5153: VAT, GST, EXC excise, LOC and STT sales taxes, OTH other. */
const TAX_TYPES: Readonly<Record<string, Tax['type']>> = { VAT: 'value-added', GST: 'goods-and-services', EXC: 'excise', LOC: 'sales', STT: 'sales', OTH: 'other' };
/** MOA 5025 of a tax: 124 the tax amount, 125 the taxable amount. */
const TAX_AMOUNT = '124';
const TAXABLE_AMOUNT = '125';
/** TAX 5283 7: tax. */
const TAX_FUNCTION = '7';

export interface AllowanceGroups {
  readonly percent: string;
  readonly amount: string;
}

/**
 * The allowances and charges of ALC groups. A reason code the map does not know is read as other, with
 * the partner's words kept as the description.
 */
export function readAllowances(problems: InboundProblems, groups: readonly Loop[], ids: AllowanceGroups, currency: string | undefined, options: MapOptions): AllowanceCharge[] | undefined {
  const read = groups.flatMap((group): AllowanceCharge[] => {
    const alc = group.segment('ALC');
    if (alc === undefined) return [];
    const type = ALLOWANCE_TYPES[codeOf(options, alc, 'ALC01')];
    if (type === undefined) problems.unknownCode(alc, 'ALC01', 'an allowance or charge indicator');
    const code = codeOf(options, alc, 'ALC05-1');
    const moa = group.loops(ids.amount).flatMap((amounts) => segmentsWhere(amounts, 'MOA', 'MOA01-1', ALLOWANCE_AMOUNTS, options))[0];
    if (moa === undefined) problems.missing(alc, 'MOA01-2', 'the amount of the allowance or charge', 'MOA 8');
    const amount = moa && readAmount(problems, moa, currency, 'the amount of the allowance or charge');
    const pcd = group.loops(ids.percent)[0]?.segment('PCD');
    const percent = pcd && decimalOf(problems, pcd, 'PCD01-2', 'the percentage of the allowance or charge');
    return [{ type, ...field('reason', code === '' ? undefined : (REASONS[code] ?? 'other')), ...field('description', present(alc.value('ALC05-4'))), ...field('percent', percent), amount } as AllowanceCharge];
  });
  return read.length > 0 ? read : undefined;
}

export function writeAllowances(writer: EdifactSegmentWriter, allowances: readonly AllowanceCharge[], currency: string, path: string): void {
  const { options } = writer;
  allowances.forEach((allowance, index) => {
    const at = `${path}/${index}`;
    const code = allowance.reason === undefined ? '' : Object.entries(REASONS).find(([, reason]) => reason === allowance.reason)?.[0];
    if (code === undefined) writer.problem('MAP_CODE_UNKNOWN', `${at}/reason`, `There is no ALC05 code (7161) for the reason "${allowance.reason}" in this map.`);
    const service = code === '' && allowance.description === undefined ? '' : [code === '' ? '' : codeOut(options, 'ALC05-1', code ?? ''), '', '', writer.text(allowance.description, `${at}/description`)];
    writer.segment('ALC', codeOut(options, 'ALC01', allowance.type === 'allowance' ? 'A' : 'C'), '', '', '', service);
    if (allowance.percent !== undefined) writer.segment('PCD', [ALLOWANCE_PERCENT, writer.decimal(allowance.percent, `${at}/percent`)]);
    writeAmount(writer, ALLOWANCE_AMOUNTS[0] as string, allowance.amount, currency, `${at}/amount`);
  });
}

/** The taxes of TAX groups with an amount (MOA 124); a TAX giving only a rate states no tax of its own. */
export function readTaxes(problems: InboundProblems, groups: readonly Loop[], currency: string | undefined, options: MapOptions): Tax[] | undefined {
  const read = groups.flatMap((group): Tax[] => {
    const tax = group.segment('TAX');
    const moa = segmentsWhere(group, 'MOA', 'MOA01-1', [TAX_AMOUNT], options)[0];
    if (tax === undefined || moa === undefined) return [];
    const taxable = segmentsWhere(group, 'MOA', 'MOA01-1', [TAXABLE_AMOUNT], options)[0];
    return [
      {
        type: TAX_TYPES[codeOf(options, tax, 'TAX02-1')] ?? 'other',
        ...field('description', present(tax.value('TAX02-4'))),
        ...field('rate', decimalOf(problems, tax, 'TAX05-4', 'the tax rate')),
        ...field('taxableAmount', taxable && readAmount(problems, taxable, currency, 'the taxable amount')),
        amount: readAmount(problems, moa, currency, 'the tax amount'),
      } as Tax,
    ];
  });
  return read.length > 0 ? read : undefined;
}

/** `withTaxable`: whether the TAX group holds a second MOA for the taxable amount (D96A's line taxes hold one). */
export function writeTaxes(writer: EdifactSegmentWriter, taxes: readonly Tax[], currency: string, path: string, withTaxable: boolean): void {
  const { options } = writer;
  taxes.forEach((tax, index) => {
    const at = `${path}/${index}`;
    const code = Object.entries(TAX_TYPES).find(([, type]) => type === tax.type)?.[0] as string;
    const type = tax.description === undefined ? [codeOut(options, 'TAX02-1', code)] : [codeOut(options, 'TAX02-1', code), '', '', writer.text(tax.description, `${at}/description`)];
    writer.segment('TAX', TAX_FUNCTION, type, '', '', tax.rate === undefined ? '' : ['', '', '', writer.decimal(tax.rate, `${at}/rate`)]);
    writeAmount(writer, TAX_AMOUNT, tax.amount, currency, `${at}/amount`);
    if (tax.taxableAmount !== undefined && !withTaxable) writer.unwritable(`${at}/taxableAmount`, 'the TAX group of a D96A line holds one MOA, the tax amount.');
    else if (tax.taxableAmount !== undefined) writeAmount(writer, TAXABLE_AMOUNT, tax.taxableAmount, currency, `${at}/taxableAmount`);
  });
}

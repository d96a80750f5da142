import { isGtin } from '../../../translators/canonical/check-digits.js';
import type { DateTime, Item, Party } from '../../../translators/canonical/index.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { OdooClient, OdooRecord } from '../client/odoo-client.js';
import { many2oneId, textOf } from '../sync/odoo-values.js';

// Odoo's values read into the canonical form (reference 2.3): datetimes are UTC to the second, floats are
// written as exact decimals, units are found by their external ids (their names are translated), and a
// value a document cannot do without is refused naming the record it is missing on.

/** ODOO_RECORD_UNMAPPABLE: `record` ("delivery WH/OUT/00012") cannot be sent, because of `what`. */
export function unmappable(record: string, what: string): GatewayError {
  return new GatewayError('ODOO_RECORD_UNMAPPABLE', `Odoo's ${record} cannot be sent: ${what}`);
}

/** "2026-03-01 14:05:09" (UTC) as a canonical time with its zone; undefined for false. */
export function canonicalDateTime(value: unknown): DateTime | undefined {
  const [, date, time] = typeof value === 'string' ? (/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)/.exec(value) ?? []) : [];
  return date === undefined || time === undefined ? undefined : { date, time, utcOffset: '+00:00' };
}

/** An Odoo date ("2026-03-01") as a canonical date alone; undefined for false. */
export function canonicalDate(value: unknown): DateTime | undefined {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) ? { date: value } : undefined;
}

/** A float as an exact decimal: Odoo's floats carry binary noise past their 6th decimal (0.1 + 0.2). */
export function decimalOf(value: unknown): string {
  const number = typeof value === 'number' ? value : 0;
  return number.toFixed(6).replace(/\.?0+$/, '') || '0';
}

/** UN/ECE Recommendation 20 codes of the units the gateway knows, by their external id (units.ts the other way). */
const UNIT_CODES: Readonly<Record<string, string>> = {
  product_uom_unit: 'EA',
  product_uom_dozen: 'DZN',
  product_uom_kgm: 'KGM',
  product_uom_lb: 'LBR',
};

/** The unit code of each uom.uom id that has one. */
export async function unitCodes(client: OdooClient, uomIds: readonly number[]): Promise<Map<number, string>> {
  if (uomIds.length === 0) return new Map();
  const rows = await client.searchRead(
    'ir.model.data',
    [
      ['model', '=', 'uom.uom'],
      ['module', '=', 'uom'],
      ['res_id', 'in', [...new Set(uomIds)]],
    ],
    { fields: ['name', 'res_id'] },
  );
  return new Map(rows.flatMap((row) => (UNIT_CODES[String(row.name)] === undefined ? [] : [[Number(row.res_id), UNIT_CODES[String(row.name)]!] as const])));
}

/** The unit code of a line's uom, or ODOO_RECORD_UNMAPPABLE naming the line and the unit. */
export function unitOf(codes: ReadonlyMap<number, string>, uom: unknown, record: string, line: string): string {
  const code = codes.get(many2oneId(uom) ?? 0);
  if (code === undefined) {
    throw unmappable(record, `${line} is in the unit ${Array.isArray(uom) ? String(uom[1]) : 'none'}, which has no UN/ECE code the gateway knows (it knows ${Object.values(UNIT_CODES).join(', ')})`);
  }
  return code;
}

export interface Product {
  readonly id: number;
  readonly name: string;
  readonly code: string | undefined;
  readonly gtin: string | undefined;
  readonly templateId: number | undefined;
}

export async function readProducts(client: OdooClient, ids: readonly number[]): Promise<Map<number, Product>> {
  const rows = ids.length === 0 ? [] : await client.read('product.product', [...new Set(ids)], { fields: ['name', 'default_code', 'barcode', 'product_tmpl_id'] });
  return new Map(
    rows.map((row) => {
      const barcode = textOf(row.barcode);
      return [row.id, { id: row.id, name: textOf(row.name) ?? `product ${row.id}`, code: textOf(row.default_code), gtin: barcode !== undefined && isGtin(barcode) ? barcode : undefined, templateId: many2oneId(row.product_tmpl_id) }];
    }),
  );
}

/**
 * The item as the partner reads it. Our Internal Reference is the seller's item number when we sell, the
 * buyer's when we buy (the supplier's own code, when Odoo has one, is then the vendor item). Without any
 * number the partner could not tell what the goods are.
 */
export function itemOf(product: Product | undefined, side: 'seller' | 'buyer', record: string, line: string, supplierCode?: string): Item {
  if (product === undefined) throw unmappable(record, `${line} has no product`);
  const ours = product.code;
  const item: Item = {
    ...(product.gtin === undefined ? {} : { gtin: product.gtin }),
    ...(side === 'buyer' && ours !== undefined ? { buyerItem: ours } : {}),
    ...(side === 'seller' && ours !== undefined ? { vendorItem: ours } : {}),
    ...(side === 'buyer' && supplierCode !== undefined ? { vendorItem: supplierCode } : {}),
    description: product.name,
  };
  if (item.gtin === undefined && item.buyerItem === undefined && item.vendorItem === undefined) {
    throw unmappable(record, `the product "${product.name}" (product.product ${product.id}) on ${line} has neither an Internal Reference nor a valid barcode`);
  }
  return item;
}

/** A contact as a party of the document: its name and address. */
export async function partyOf(client: OdooClient, role: Party['role'], partnerId: number | undefined): Promise<Party | undefined> {
  if (partnerId === undefined) return undefined;
  const [row] = await client.read('res.partner', [partnerId], { fields: ['name', 'street', 'city', 'zip', 'country_id'] });
  if (row === undefined) return undefined;
  const countryId = many2oneId(row.country_id);
  const [country] = countryId === undefined ? [] : await client.read('res.country', [countryId], { fields: ['code'] });
  const street = textOf(row.street);
  const address = {
    ...(street === undefined ? {} : { street: [street] }),
    ...(textOf(row.city) === undefined ? {} : { city: textOf(row.city) }),
    ...(textOf(row.zip) === undefined ? {} : { postalCode: textOf(row.zip) }),
    ...(textOf(country?.code) === undefined ? {} : { country: textOf(country?.code) }),
  };
  return { role, ...(textOf(row.name) === undefined ? {} : { name: textOf(row.name) }), ...(Object.keys(address).length === 0 ? {} : { address }) };
}

/** The company's own contact: the seller of what we sell, the buyer of what we buy. */
export async function companyParty(client: OdooClient, role: Party['role'], record: OdooRecord): Promise<Party | undefined> {
  const companyId = many2oneId(record.company_id);
  if (companyId === undefined) return undefined;
  const [company] = await client.read('res.company', [companyId], { fields: ['partner_id'] });
  return partyOf(client, role, many2oneId(company?.partner_id));
}

export const present = <T>(values: readonly (T | undefined)[]): T[] => values.filter((value): value is T => value !== undefined);

/**
 * The carrier of a delivery as a party. Odoo has no SCAC field (reference 3.10), so a carrier's SCAC is the
 * name of its external id in the module `scac` (scac.UPSN), which an Odoo administrator can add to any carrier.
 */
export async function carrierParty(client: OdooClient, carrier: unknown): Promise<Party | undefined> {
  const carrierId = many2oneId(carrier);
  if (carrierId === undefined) return undefined;
  const [scac] = await client.searchRead(
    'ir.model.data',
    [
      ['model', '=', 'delivery.carrier'],
      ['module', '=', 'scac'],
      ['res_id', '=', carrierId],
    ],
    { fields: ['name'], limit: 1 },
  );
  const code = textOf(scac?.name);
  const name = Array.isArray(carrier) && typeof carrier[1] === 'string' ? carrier[1] : undefined;
  return {
    role: 'carrier',
    ...(name === undefined ? {} : { name }),
    ...(code !== undefined && /^[A-Z]{2,4}$/.test(code) ? { identifiers: [{ qualifier: 'scac' as const, value: code }] } : {}),
  };
}

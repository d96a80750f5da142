import type { PartnerProfile } from '../../../partners/schema/profile.js';
import type { Item } from '../../../translators/canonical/index.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { OdooClient } from '../client/odoo-client.js';
import { itemWords } from './item-words.js';
import { many2oneId, textOf } from './odoo-values.js';

// Which Odoo product each item of a document is, the way the partner's profile says (odoo.productMatch):
// by our Internal Reference, by barcode, or by the partner's own code kept on the product's supplier info
// for that partner. Whose number is ours depends on the document: on an order we receive we are the vendor,
// so our code is the vendor item number; on a ship notice or an invoice we receive we are the buyer.

export type ProductMatch = PartnerProfile['odoo']['productMatch'];

export type OurRole = 'seller' | 'buyer';

export interface ItemToMatch {
  /** Where the item is, as support reads it: "line 2". */
  readonly label: string;
  readonly item: Item;
}

interface Wanted {
  readonly value: string | undefined;
  /** The number in words: "vendor item number". */
  readonly what: string;
}

function numberOf(item: Item, match: ProductMatch, role: OurRole): Wanted {
  if (match === 'barcode') return { value: item.gtin, what: 'GTIN' };
  const ours = match === 'default_code';
  const vendor = ours === (role === 'seller');
  return vendor ? { value: item.vendorItem, what: 'vendor item number' } : { value: item.buyerItem, what: 'buyer item number' };
}

const MATCHED_BY: Readonly<Record<ProductMatch, string>> = {
  default_code: 'Internal Reference (default_code)',
  barcode: 'Barcode',
  crossReference: "vendor product code for this partner (product_code of the product's supplier info)",
};

/**
 * The forms one GTIN is written in: EDI often sends the 14-digit form with leading zeros while Odoo holds
 * the 12-digit UPC or the 13-digit EAN of the same goods.
 */
function gtinForms(gtin: string): string[] {
  const core = gtin.replace(/^0+/, '');
  return [8, 12, 13, 14].filter((length) => length >= core.length).map((length) => core.padStart(length, '0'));
}

/** Product ids by each number looked up (every form of a GTIN). */
async function productsByNumber(client: OdooClient, match: ProductMatch, partnerId: number, numbers: readonly string[]): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  const add = (number: string, id: number) => found.set(number, [...new Set([...(found.get(number) ?? []), id])]);
  if (match !== 'crossReference') {
    const field = match === 'barcode' ? 'barcode' : 'default_code';
    for (const row of await client.searchRead('product.product', [[field, 'in', numbers]], { fields: [field] })) {
      const number = textOf(row[field]);
      if (number !== undefined) add(number, row.id);
    }
    return found;
  }
  const infos = await client.searchRead(
    'product.supplierinfo',
    [
      ['partner_id', '=', partnerId],
      ['product_code', 'in', numbers],
    ],
    { fields: ['product_code', 'product_id', 'product_tmpl_id'] },
  );
  // A supplier info may name the template only: it then stands for every variant, which must be one.
  const templates = [...new Set(infos.filter((info) => many2oneId(info.product_id) === undefined).map((info) => many2oneId(info.product_tmpl_id)))].filter(
    (id): id is number => id !== undefined,
  );
  const variants = templates.length === 0 ? [] : await client.searchRead('product.product', [['product_tmpl_id', 'in', templates]], { fields: ['product_tmpl_id'] });
  for (const info of infos) {
    const code = textOf(info.product_code);
    if (code === undefined) continue;
    const variant = many2oneId(info.product_id);
    if (variant !== undefined) add(code, variant);
    else for (const row of variants.filter((candidate) => many2oneId(candidate.product_tmpl_id) === many2oneId(info.product_tmpl_id))) add(code, row.id);
  }
  return found;
}

/**
 * The product.product id of each item, in order; ODOO_PRODUCT_UNKNOWN naming every line whose item lacks the
 * number the profile matches by, or whose number is no product's (or more than one's).
 */
export async function matchProducts(
  client: OdooClient,
  options: { readonly match: ProductMatch; readonly partnerId: number; readonly role: OurRole },
  items: readonly ItemToMatch[],
): Promise<number[]> {
  const wanted = items.map(({ item }) => numberOf(item, options.match, options.role));
  const lookups = (value: string) => (options.match === 'barcode' ? gtinForms(value) : [value]);
  const numbers = [...new Set(wanted.flatMap(({ value }) => (value === undefined ? [] : lookups(value))))];
  const found = numbers.length === 0 ? new Map<string, number[]>() : await productsByNumber(client, options.match, options.partnerId, numbers);
  const how = MATCHED_BY[options.match];
  const problems: string[] = [];
  const ids = items.map(({ label, item }, index) => {
    const { value, what } = wanted[index]!;
    const where = `${label} (${itemWords(item)})`;
    if (value === undefined) {
      problems.push(`${where} gives no ${what}, and the partner's profile finds products by ${how} (odoo.productMatch ${options.match})`);
      return 0;
    }
    const candidates = [...new Set(lookups(value).flatMap((number) => found.get(number) ?? []))];
    if (candidates.length === 1) return candidates[0]!;
    problems.push(
      candidates.length === 0
        ? `${where}: no product in Odoo has the ${how} ${value}`
        : `${where}: products ${candidates.join(' and ')} in Odoo all have the ${how} ${value}`,
    );
    return 0;
  });
  if (problems.length > 0) throw new GatewayError('ODOO_PRODUCT_UNKNOWN', `Not every item is a product in Odoo: ${problems.join('; ')}`);
  return ids;
}

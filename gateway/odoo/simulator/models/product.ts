import { active, boolean, char, float, integer, many2many, many2one, one2many, selection, text } from '../orm/fields.js';
import { createRecords } from '../orm/create.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec, Row, Vals } from '../orm/model-spec.js';
import { get } from '../orm/records.js';
import { refOrFalse } from './ir-model-data.js';

/** Storable goods keep stock and are reserved: `type='product'` up to 17, `is_storable` from 18. */
export function isStorable(env: Env, productId: number): boolean {
  return env.version >= 18 ? get(env, 'product.product', productId, 'is_storable') === true : get(env, 'product.product', productId, 'type') === 'product';
}

/** Goods (not services) are delivered and received. */
export function isGoods(env: Env, productId: number): boolean {
  const type = get(env, 'product.product', productId, 'type');
  return type === 'consu' || type === 'product';
}

/** What a line shows for a product: "[CODE] Name". */
export function productLabel(env: Env, productId: number): string {
  const code = get(env, 'product.product', productId, 'default_code');
  const name = String(get(env, 'product.product', productId, 'name') || '');
  return code ? `[${String(code)}] ${name}` : name;
}

export const productCategory: ModelSpec = {
  name: 'product.category',
  description: 'Product Category',
  order: 'complete_name',
  parentName: 'parent_id',
  recName: 'complete_name',
  fields: {
    name: char('Name', { required: true }),
    complete_name: char('Complete Name', {
      compute: (env, row) => {
        const parent = typeof row.parent_id === 'number' ? get(env, 'product.category', row.parent_id, 'complete_name') : false;
        return parent ? `${String(parent)} / ${String(row.name)}` : String(row.name);
      },
    }),
    parent_id: many2one('Parent Category', 'product.category', { ondelete: 'cascade' }),
  },
};

const TYPES = [
  ['consu', 'Goods'],
  ['service', 'Service'],
  ['product', 'Storable Product'],
  ['combo', 'Combo'],
] as const;

export const productTemplate: ModelSpec = {
  name: 'product.template',
  description: 'Product',
  order: 'name',
  thread: true,
  fields: {
    name: char('Name', { required: true }),
    description_sale: text('Sales Description'),
    // Up to 17 `type` follows `detailed_type`, and the other way round when only `type` is given.
    detailed_type: selection('Product Type', TYPES.slice(0, 3), { default: (_env, vals) => vals.type ?? 'consu' }),
    type: selection('Type', TYPES, { default: (_env, vals) => vals.detailed_type ?? 'consu' }),
    is_storable: boolean('Track Inventory'),
    tracking: selection(
      'Tracking',
      [
        ['serial', 'By Unique Serial Number'],
        ['lot', 'By Lots'],
        ['none', 'By Quantity'],
      ],
      { default: () => 'none' },
    ),
    list_price: float('Sales Price', { default: () => 1 }),
    uom_id: many2one('Unit of Measure', 'uom.uom', { required: true, default: (env) => refOrFalse(env, 'uom.product_uom_unit') }),
    uom_po_id: many2one('Purchase Unit of Measure', 'uom.uom', { required: true, default: (_env, vals) => vals.uom_id ?? false }),
    uom_ids: many2many('Packagings', 'uom.uom'),
    categ_id: many2one('Product Category', 'product.category', { required: true, default: (env) => refOrFalse(env, 'product.product_category_all') }),
    sale_ok: boolean('Can be Sold', { default: () => true }),
    purchase_ok: boolean('Can be Purchased', { default: () => true }),
    invoice_policy: selection(
      'Invoicing Policy',
      [
        ['order', 'Ordered quantities'],
        ['delivery', 'Delivered quantities'],
      ],
      { default: () => 'order' },
    ),
    purchase_method: selection(
      'Control Policy',
      [
        ['purchase', 'On ordered quantities'],
        ['receive', 'On received quantities'],
      ],
      { default: () => 'receive' },
    ),
    weight: float('Weight'),
    volume: float('Volume'),
    active: active(),
    seller_ids: one2many('Vendors', 'product.supplierinfo', 'product_tmpl_id'),
    product_variant_ids: one2many('Products', 'product.product', 'product_tmpl_id'),
  },
  afterCreate: (env, row) => {
    // One variant per template, unless the template is being made for a variant (`create_product_product`).
    if (env.context.create_product_product !== false) createRecords(env.withContext({ create_product_product: false }), 'product.product', [{ product_tmpl_id: row.id }]);
  },
  afterWrite: (env, row, vals) => {
    if (env.version > 17) return;
    if (vals.detailed_type !== undefined && vals.type === undefined) row.type = row.detailed_type!;
    else if (vals.type !== undefined && vals.detailed_type === undefined) row.detailed_type = row.type!;
  },
};

function onHand(env: Env, row: Row): number {
  let quantity = 0;
  for (const quant of env.db.table('stock.quant').values()) {
    if (quant.product_id === row.id && get(env, 'stock.location', quant.location_id!, 'usage') === 'internal') quantity += Number(quant.quantity);
  }
  return quantity;
}

export const productProduct: ModelSpec = {
  name: 'product.product',
  description: 'Product Variant',
  order: 'default_code, name, id',
  inherits: { model: 'product.template', field: 'product_tmpl_id' },
  thread: true,
  nameSearch: ['default_code', 'barcode'],
  displayName: (env, row) => productLabel(env, row.id),
  fields: {
    product_tmpl_id: many2one('Product Template', 'product.template', { required: true, ondelete: 'cascade' }),
    default_code: char('Internal Reference'),
    barcode: char('Barcode'),
    active: active(),
    standard_price: float('Cost'),
    lst_price: float('Sales Price', {
      compute: (env, row) => get(env, 'product.template', row.product_tmpl_id!, 'list_price'),
      inverse: (env, row, value) => {
        env.db.table('product.template').get(row.product_tmpl_id as number)!.list_price = Number(value) || 0;
      },
    }),
    qty_available: float('Quantity On Hand', { compute: onHand }),
  },
  prepareCreate: (env, vals) => {
    if (vals.product_tmpl_id !== undefined) return;
    const model = env.model('product.product');
    const parentVals: Vals = {};
    for (const [name, value] of Object.entries(vals)) {
      if (model.fields.get(name)?.delegate) {
        parentVals[name] = value;
        delete vals[name];
      }
    }
    [vals.product_tmpl_id] = createRecords(env.withContext({ create_product_product: false }), 'product.template', [parentVals]);
  },
  constraints: [
    {
      fields: ['barcode', 'active'],
      check: (env, row) => {
        if (!row.barcode || row.active === false) return undefined;
        const others = [...env.db.table('product.product').values()].filter((other) => other.id !== row.id && other.barcode === row.barcode && other.active !== false);
        if (others.length === 0) return undefined;
        return `Barcode(s) already assigned:\n\n- Barcode "${String(row.barcode)}" already assigned to product(s): ${others.map((other) => productLabel(env, other.id)).join(', ')}`;
      },
    },
  ],
};

export const productSupplierinfo: ModelSpec = {
  name: 'product.supplierinfo',
  description: 'Supplier Pricelist',
  order: 'sequence, min_qty desc, price, id',
  recName: 'partner_id',
  fields: {
    partner_id: many2one('Vendor', 'res.partner', { required: true, ondelete: 'cascade' }),
    product_name: char('Vendor Product Name'),
    product_code: char('Vendor Product Code'),
    sequence: integer('Sequence', { default: () => 1 }),
    product_tmpl_id: many2one('Product Template', 'product.template', { ondelete: 'cascade' }),
    product_id: many2one('Product Variant', 'product.product'),
    min_qty: float('Quantity'),
    price: float('Price'),
    currency_id: many2one('Currency', 'res.currency', { required: true, default: (env) => get(env, 'res.company', env.companyId, 'currency_id') }),
    delay: integer('Delivery Lead Time', { default: () => 1 }),
    product_uom_id: many2one('Unit', 'uom.uom'),
  },
};

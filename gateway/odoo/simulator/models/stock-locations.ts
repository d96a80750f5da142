import { active, boolean, char, date, float, many2one, selection } from '../orm/fields.js';
import type { ModelSpec } from '../orm/model-spec.js';
import { get } from '../orm/records.js';

export const stockLocation: ModelSpec = {
  name: 'stock.location',
  description: 'Inventory Locations',
  order: 'complete_name, id',
  parentName: 'location_id',
  recName: 'complete_name',
  fields: {
    name: char('Location Name', { required: true }),
    complete_name: char('Full Location Name', {
      compute: (env, row) => {
        const parent = typeof row.location_id === 'number' ? get(env, 'stock.location', row.location_id, 'complete_name') : false;
        return parent ? `${String(parent)}/${String(row.name)}` : String(row.name);
      },
    }),
    location_id: many2one('Parent Location', 'stock.location', { ondelete: 'cascade' }),
    usage: selection(
      'Location Type',
      [
        ['supplier', 'Vendor Location'],
        ['view', 'View'],
        ['internal', 'Internal Location'],
        ['customer', 'Customer Location'],
        ['inventory', 'Inventory Loss'],
        ['production', 'Production'],
        ['transit', 'Transit Location'],
      ],
      { required: true, default: () => 'internal' },
    ),
    company_id: many2one('Company', 'res.company'),
    active: active(),
  },
};

export const stockWarehouse: ModelSpec = {
  name: 'stock.warehouse',
  description: 'Warehouse',
  fields: {
    name: char('Warehouse', { required: true }),
    code: char('Short Name', { required: true }),
    lot_stock_id: many2one('Location Stock', 'stock.location', { required: true }),
    in_type_id: many2one('In Type', 'stock.picking.type'),
    out_type_id: many2one('Out Type', 'stock.picking.type'),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
    active: active(),
  },
};

export const stockPickingType: ModelSpec = {
  name: 'stock.picking.type',
  description: 'Picking Type',
  order: 'sequence, id',
  displayName: (env, row) => {
    const warehouse = typeof row.warehouse_id === 'number' ? get(env, 'stock.warehouse', row.warehouse_id, 'name') : false;
    return warehouse ? `${String(warehouse)}: ${String(row.name)}` : String(row.name);
  },
  fields: {
    name: char('Operation Type', { required: true }),
    code: selection(
      'Type of Operation',
      [
        ['incoming', 'Receipt'],
        ['outgoing', 'Delivery'],
        ['internal', 'Internal Transfer'],
      ],
      { required: true },
    ),
    sequence: float('Sequence', { default: () => 10 }),
    sequence_code: char('Sequence Prefix', { required: true }),
    warehouse_id: many2one('Warehouse', 'stock.warehouse', { ondelete: 'cascade' }),
    default_location_src_id: many2one('Default Source Location', 'stock.location'),
    default_location_dest_id: many2one('Default Destination Location', 'stock.location'),
    create_backorder: selection(
      'Create Backorder',
      [
        ['ask', 'Ask'],
        ['always', 'Always'],
        ['never', 'Never'],
      ],
      { required: true, default: () => 'ask' },
    ),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
    active: active(),
  },
};

export const stockLot: ModelSpec = {
  name: 'stock.lot',
  description: 'Lot/Serial',
  order: 'name, id',
  fields: {
    name: char('Lot/Serial Number', { required: true }),
    product_id: many2one('Product', 'product.product', { required: true }),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
  },
  constraints: [
    {
      fields: ['name', 'product_id', 'company_id'],
      check: (env, row) => {
        const clash = [...env.db.table('stock.lot').values()].some(
          (other) => other.id !== row.id && other.name === row.name && other.product_id === row.product_id && other.company_id === row.company_id,
        );
        return clash ? 'The combination of serial number and product must be unique across a company.' : undefined;
      },
    },
  ],
};

/** The carton or pallet: `stock.quant.package` up to 18, `stock.package` from 19 (same fields here). */
function packageModel(name: string): ModelSpec {
  return {
    name,
    description: 'Packages',
    order: 'name',
    fields: {
      name: char('Package Reference', { required: true }),
      shipping_weight: float('Shipping Weight'),
      pack_date: date('Pack Date', { default: (env) => env.today }),
      location_id: many2one('Location', 'stock.location'),
      company_id: many2one('Company', 'res.company'),
    },
    prepareCreate: (env, vals) => {
      if (!vals.name) vals.name = `PACK${String(env.db.nextNumber('stock.package')).padStart(7, '0')}`;
    },
  };
}

export const stockQuantPackage = packageModel('stock.quant.package');
export const stockPackage = packageModel('stock.package');

export const procurementGroup: ModelSpec = {
  name: 'procurement.group',
  description: 'Procurement Group',
  order: 'id desc',
  fields: {
    name: char('Reference', { required: true }),
    partner_id: many2one('Partner', 'res.partner'),
    sale_id: many2one('Sale Order', 'sale.order'),
    move_type: selection(
      'Delivery Type',
      [
        ['direct', 'Partial'],
        ['one', 'All at once'],
      ],
      { default: () => 'direct' },
    ),
  },
};

export const stockQuant: ModelSpec = {
  name: 'stock.quant',
  description: 'Quants',
  fields: {
    product_id: many2one('Product', 'product.product', { required: true, ondelete: 'restrict' }),
    location_id: many2one('Location', 'stock.location', { required: true, ondelete: 'restrict' }),
    lot_id: many2one('Lot/Serial Number', 'stock.lot', { ondelete: 'restrict' }),
    quantity: float('Quantity'),
    reserved_quantity: float('Reserved Quantity'),
  },
};

export const deliveryCarrier: ModelSpec = {
  name: 'delivery.carrier',
  description: 'Shipping Methods',
  order: 'sequence, id',
  fields: {
    name: char('Delivery Method', { required: true }),
    active: active(),
    sequence: float('Sequence', { default: () => 10 }),
    delivery_type: selection(
      'Provider',
      [
        ['fixed', 'Fixed Price'],
        ['base_on_rule', 'Based on Rules'],
      ],
      { required: true, default: () => 'fixed' },
    ),
    integration_level: selection(
      'Integration Level',
      [
        ['rate', 'Get Rate'],
        ['rate_and_ship', 'Get Rate and Create Shipment'],
      ],
      { default: () => 'rate_and_ship' },
    ),
    product_id: many2one('Delivery Product', 'product.product', { required: true, ondelete: 'restrict' }),
    company_id: many2one('Company', 'res.company'),
    invoice_policy: selection(
      'Invoicing Policy',
      [
        ['estimated', 'Estimated cost'],
        ['real', 'Real cost'],
      ],
      { required: true, default: () => 'estimated' },
    ),
    margin: float('Margin'),
    free_over: boolean('Free if order amount is above'),
    amount: float('Amount'),
    fixed_price: float('Fixed Price'),
  },
};

import { createRecords } from './orm/create.js';
import type { Env } from './orm/env.js';
import type { Vals } from './orm/model-spec.js';
import { ref } from './models/ir-model-data.js';

/** Creates a record with the fields this series has (the others dropped) and registers its external id. */
function make(env: Env, xmlid: string | undefined, model: string, vals: Vals): number {
  const fields = env.model(model).fields;
  const known = Object.fromEntries(Object.entries(vals).filter(([name]) => fields.has(name)));
  const [id] = createRecords(env, model, [known]);
  if (xmlid) {
    const [module, name] = xmlid.split('.') as [string, string];
    createRecords(env, 'ir.model.data', [{ module, name, model, res_id: id, noupdate: true }]);
  }
  return id!;
}

/** Product vals for goods that keep stock, in the series' own words (reference 3.2). */
export function storableVals(env: Env): Vals {
  return env.version >= 18 ? { type: 'consu', is_storable: true } : { detailed_type: 'product' };
}

export interface BaseIds {
  readonly integrationUid: number;
}

/** What every Odoo database has: company, users, units, locations, warehouse, operation types, journals. */
export function seedBaseData(env: Env, login: string): BaseIds {
  const usd = make(env, 'base.USD', 'res.currency', { name: 'USD', symbol: '$' });
  make(env, 'base.EUR', 'res.currency', { name: 'EUR', symbol: '€' });
  const us = make(env, 'base.us', 'res.country', { name: 'United States', code: 'US' });
  make(env, 'base.be', 'res.country', { name: 'Belgium', code: 'BE' });
  const companyPartner = make(env, 'base.main_partner', 'res.partner', { name: 'My Company', is_company: true, country_id: us });
  const company = make(env, 'base.main_company', 'res.company', { name: 'My Company', partner_id: companyPartner, currency_id: usd });
  const rootPartner = make(env, 'base.partner_root', 'res.partner', { name: 'OdooBot', company_id: company, active: false });
  const adminPartner = make(env, 'base.partner_admin', 'res.partner', { name: 'Mitchell Admin', company_id: company, email: 'admin@example.com' });
  make(env, 'base.user_root', 'res.users', { name: 'OdooBot', login: '__system__', partner_id: rootPartner, company_id: company, active: false });
  const integrationUid = make(env, 'base.user_admin', 'res.users', { name: 'Mitchell Admin', login, partner_id: adminPartner, company_id: company });

  const unitCategory = env.hasModel('uom.category') ? make(env, 'uom.product_uom_categ_unit', 'uom.category', { name: 'Unit' }) : false;
  const weightCategory = env.hasModel('uom.category') ? make(env, 'uom.product_uom_categ_kgm', 'uom.category', { name: 'Weight' }) : false;
  const unit = make(env, 'uom.product_uom_unit', 'uom.uom', { name: 'Units', category_id: unitCategory, uom_type: 'reference', factor: 1, rounding: 0.01 });
  make(env, 'uom.product_uom_dozen', 'uom.uom', { name: 'Dozens', category_id: unitCategory, uom_type: 'bigger', factor: 1 / 12, relative_uom_id: unit, relative_factor: 12 });
  const kg = make(env, 'uom.product_uom_kgm', 'uom.uom', { name: 'kg', category_id: weightCategory, uom_type: 'reference', factor: 1 });
  make(env, 'uom.product_uom_lb', 'uom.uom', { name: 'lb', category_id: weightCategory, uom_type: 'smaller', factor: 2.20462, relative_uom_id: kg, relative_factor: 0.45359 });

  const all = make(env, 'product.product_category_all', 'product.category', { name: 'All' });
  make(env, 'product.product_category_1', 'product.category', { name: 'Saleable', parent_id: all });

  const warehouseView = make(env, 'stock.warehouse0_view_location', 'stock.location', { name: 'WH', usage: 'view' });
  const stock = make(env, 'stock.stock_location_stock', 'stock.location', { name: 'Stock', location_id: warehouseView, usage: 'internal', company_id: company });
  const partners = make(env, 'stock.stock_location_locations_partner', 'stock.location', { name: 'Partners', usage: 'view' });
  const customers = make(env, 'stock.stock_location_customers', 'stock.location', { name: 'Customers', location_id: partners, usage: 'customer' });
  const vendors = make(env, 'stock.stock_location_suppliers', 'stock.location', { name: 'Vendors', location_id: partners, usage: 'supplier' });
  const warehouse = make(env, 'stock.warehouse0', 'stock.warehouse', { name: 'My Company', code: 'WH', lot_stock_id: stock, company_id: company });
  const receipts = make(env, 'stock.picking_type_in', 'stock.picking.type', {
    name: 'Receipts',
    code: 'incoming',
    sequence_code: 'IN',
    warehouse_id: warehouse,
    default_location_src_id: vendors,
    default_location_dest_id: stock,
  });
  const deliveries = make(env, 'stock.picking_type_out', 'stock.picking.type', {
    name: 'Delivery Orders',
    code: 'outgoing',
    sequence_code: 'OUT',
    warehouse_id: warehouse,
    default_location_src_id: stock,
    default_location_dest_id: customers,
  });
  Object.assign(env.db.table('stock.warehouse').get(warehouse)!, { in_type_id: receipts, out_type_id: deliveries });

  make(env, 'account.1_sale', 'account.journal', { name: 'Customer Invoices', code: 'INV', type: 'sale' });
  make(env, 'account.1_purchase', 'account.journal', { name: 'Vendor Bills', code: 'BILL', type: 'purchase' });
  make(env, 'account.1_general', 'account.journal', { name: 'Miscellaneous Operations', code: 'MISC', type: 'general' });
  make(env, 'account.1_sale_tax_15', 'account.tax', { name: '15%', amount: 15, type_tax_use: 'sale' });
  make(env, 'account.1_purchase_tax_15', 'account.tax', { name: '15%', amount: 15, type_tax_use: 'purchase' });
  make(env, 'mail.mt_comment', 'mail.message.subtype', { name: 'Discussions', internal: false });
  make(env, 'mail.mt_note', 'mail.message.subtype', { name: 'Note', internal: true, sequence: 100 });
  return { integrationUid };
}

/** A small trading world for tests and the sandbox: a customer with addresses, a vendor, products, stock, a carrier. */
export function seedDemoData(env: Env): void {
  const country = ref(env, 'base.us');
  const acme = make(env, 'simulator.partner_acme', 'res.partner', {
    name: 'ACME Retail',
    is_company: true,
    ref: 'ACME',
    vat: 'US123456789',
    email: 'edi@acme.example',
    street: '100 Main Street',
    city: 'Springfield',
    zip: '62701',
    country_id: country,
    customer_rank: 1,
  });
  make(env, 'simulator.partner_acme_dc', 'res.partner', {
    name: 'ACME Distribution Center',
    parent_id: acme,
    type: 'delivery',
    street: '2 Warehouse Road',
    city: 'Columbus',
    zip: '43004',
    country_id: country,
  });
  make(env, 'simulator.partner_acme_ap', 'res.partner', { name: 'ACME Accounts Payable', parent_id: acme, type: 'invoice', email: 'ap@acme.example' });
  const vendor = make(env, 'simulator.partner_widget_supply', 'res.partner', { name: 'Widget Supply Co', is_company: true, ref: 'WIDGETSUP', supplier_rank: 1, country_id: country });

  const storable = storableVals(env);
  const widget = make(env, 'simulator.product_widget', 'product.product', {
    name: 'Widget',
    default_code: 'WIDGET-1',
    barcode: '012345678905',
    list_price: 10,
    standard_price: 6,
    weight: 0.5,
    ...storable,
  });
  const gadget = make(env, 'simulator.product_gadget', 'product.product', {
    name: 'Gadget',
    default_code: 'GADGET-2',
    barcode: '036000291452',
    list_price: 25,
    standard_price: 15,
    weight: 1.2,
    ...storable,
  });
  const serum = make(env, 'simulator.product_serum', 'product.product', { name: 'Chilled Serum', default_code: 'SERUM-LOT', barcode: '4006381333931', list_price: 40, tracking: 'lot', ...storable });
  make(env, 'simulator.product_tape', 'product.product', { name: 'Packing Tape', default_code: 'TAPE', list_price: 2, type: 'consu', detailed_type: 'consu' });
  const shipping = make(env, 'simulator.product_delivery', 'product.product', { name: 'Delivery charges', default_code: 'SHIP', type: 'service', detailed_type: 'service', list_price: 0 });

  const template = env.db.table('product.product').get(widget)!.product_tmpl_id;
  make(env, 'simulator.supplierinfo_widget', 'product.supplierinfo', { partner_id: vendor, product_tmpl_id: template, product_code: 'WS-W1', product_name: 'Widget, blue', price: 5.5 });
  make(env, 'simulator.carrier_standard', 'delivery.carrier', { name: 'Standard Delivery', product_id: shipping, fixed_price: 5 });

  const stock = ref(env, 'stock.stock_location_stock');
  const lot = make(env, undefined, 'stock.lot', { name: 'LOT-001', product_id: serum });
  createRecords(env, 'stock.quant', [
    { product_id: widget, location_id: stock, quantity: 100 },
    { product_id: gadget, location_id: stock, quantity: 50 },
    { product_id: serum, location_id: stock, lot_id: lot, quantity: 20 },
  ]);
}

import { describe, expect, it } from '@jest/globals';
import { ediExternalId } from '../../gateway/odoo/client/idempotent-write.js';
import { json2Body } from '../../gateway/odoo/client/json-2-transport.js';
import { OdooFieldNames } from '../../gateway/odoo/client/odoo-fields.js';
import { parseServerVersion } from '../../gateway/odoo/client/server-version.js';

const names = { 16: new OdooFieldNames(16), 17: new OdooFieldNames(17), 18: new OdooFieldNames(18), 19: new OdooFieldNames(19) } as const;

describe('field and model names per series', () => {
  it.each([
    ['sale.order.line', 'product_uom_id', ['product_uom', 'product_uom', 'product_uom', 'product_uom_id']],
    ['sale.order.line', 'tax_ids', ['tax_id', 'tax_id', 'tax_id', 'tax_ids']],
    ['purchase.order.line', 'tax_ids', ['taxes_id', 'taxes_id', 'taxes_id', 'tax_ids']],
    ['purchase.order', 'note', ['notes', 'notes', 'notes', 'note']],
    ['stock.move', 'quantity', ['quantity_done', 'quantity', 'quantity', 'quantity']],
    ['stock.move.line', 'quantity', ['qty_done', 'quantity', 'quantity', 'quantity']],
    ['account.move', 'reversal_move_ids', ['reversal_move_id', 'reversal_move_id', 'reversal_move_ids', 'reversal_move_ids']],
    ['stock.move', 'product_uom', ['product_uom', 'product_uom', 'product_uom', 'product_uom']],
    ['sale.order', 'client_order_ref', ['client_order_ref', 'client_order_ref', 'client_order_ref', 'client_order_ref']],
  ] as const)('%s.%s', (model, field, perSeries) => {
    expect([16, 17, 18, 19].map((series) => names[series as 16].field(model, field))).toEqual(perSeries);
  });

  it('names the package model per series and refuses its old name', () => {
    expect([names[16].model('stock.package'), names[18].model('stock.package'), names[19].model('stock.package')]).toEqual(['stock.quant.package', 'stock.quant.package', 'stock.package']);
    expect(() => names[17].model('stock.quant.package')).toThrow("stock.quant.package is Odoo's old name of stock.package; the gateway names it stock.package for every Odoo version");
    expect(() => names[19].model('uom.category')).toThrow('The model uom.category does not exist in Odoo 19: Odoo 18 was the last to have it');
    expect(names[19].model('x_custom.model')).toBe('x_custom.model');
  });

  it('refuses a field the series does not have, and an old name in every series', () => {
    expect(() => names[19].field('res.partner', 'mobile')).toThrow('The field res.partner.mobile does not exist in Odoo 19: Odoo 18 was the last to have it');
    expect(() => names[16].field('stock.move.line', 'picked')).toThrow('The field stock.move.line.picked does not exist in Odoo 16: it comes with Odoo 17');
    expect(() => names[17].field('product.product', 'is_storable')).toThrow('comes with Odoo 18');
    expect(() => names[18].field('product.template', 'detailed_type')).toThrow('Odoo 17 was the last');
    for (const series of [16, 19] as const) {
      expect(() => names[series].field('sale.order.line', 'product_uom')).toThrow("sale.order.line.product_uom is Odoo's old name of product_uom_id");
      expect(() => names[series].field('stock.move.line', 'qty_done')).toThrow("stock.move.line.qty_done is Odoo's old name of quantity");
    }
  });

  it('translates values, x2many commands through their relation included', () => {
    const order = {
      partner_id: 7,
      order_line: [
        [0, 0, { product_id: 1, product_uom_id: 2, tax_ids: [[6, 0, [3]]] }],
        [1, 12, { product_uom_id: 4 }],
        [4, 13, 0],
      ],
    };
    expect(names[18].values('sale.order', order)).toEqual({
      partner_id: 7,
      order_line: [
        [0, 0, { product_id: 1, product_uom: 2, tax_id: [[6, 0, [3]]] }],
        [1, 12, { product_uom: 4 }],
        [4, 13, 0],
      ],
    });
    expect(names[19].values('sale.order', order)).toEqual(order);
    expect(() => names[18].values('sale.order', { order_line: [[0, 0, { tax_id: [] }]] })).toThrow("sale.order.line.tax_id is Odoo's old name of tax_ids");
  });

  it('translates domains along dotted paths and inside any, and order strings', () => {
    const domain = ['|', ['order_line.product_uom_id', '=', 2], ['move_ids.move_line_ids.quantity', '>', 0], ['partner_id.name', 'ilike', 'acme'], ['order_line', 'any', [['tax_ids', '=', false]]]];
    expect(names[16].domain('sale.order', domain)).toEqual([
      '|',
      ['order_line.product_uom', '=', 2],
      ['move_ids.move_line_ids.quantity', '>', 0],
      ['partner_id.name', 'ilike', 'acme'],
      ['order_line', 'any', [['tax_id', '=', false]]],
    ]);
    expect(names[16].domain('stock.picking', [['move_ids.move_line_ids.quantity', '>', 0]])).toEqual([['move_ids.move_line_ids.qty_done', '>', 0]]);
    expect(names[16].order('stock.move', 'quantity desc, id')).toBe('quantity_done desc, id');
  });

  it('reads records back under the gateway names, and renames name_search’s domain for 16 and 17', () => {
    expect(names[17].record('sale.order.line', { id: 1, product_uom: [2, 'Units'], tax_id: [] })).toEqual({ id: 1, product_uom_id: [2, 'Units'], tax_ids: [] });
    expect(names[19].record('sale.order.line', { id: 1, product_uom_id: [2, 'Units'] })).toEqual({ id: 1, product_uom_id: [2, 'Units'] });
    expect(names[17].keywords('name_search', { name: 'a', domain: [] })).toEqual({ name: 'a', args: [] });
    expect(names[18].keywords('name_search', { name: 'a', domain: [] })).toEqual({ name: 'a', domain: [] });
  });
});

describe('server version', () => {
  it.each([
    [{ server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''] }, 17, '17.0'],
    [{ server_version: '16.0+e', server_version_info: [16, 0, 0, 'final', 0, 'e'] }, 16, '16.0+e'],
    [{ server_version: 'saas~18.2', server_version_info: ['saas~18', 2, 0, 'final', 0, 'e'] }, 18, 'saas~18.2'],
    [{ version: '19.0', version_info: [19, 0, 0, 'final', 0, ''] }, 19, '19.0'],
  ])('%j is series %i', (payload, series, serverVersion) => {
    expect(parseServerVersion(payload)).toEqual({ series, serverVersion });
  });

  it('refuses a series the gateway does not work with, and an answer without a version', () => {
    expect(() => parseServerVersion({ server_version: '15.0', server_version_info: [15, 0, 0, 'final', 0, ''] })).toThrow('The server runs Odoo 15.0; the gateway works with Odoo 16 to 19');
    expect(() => parseServerVersion({ server_version: 'saas~20.1', server_version_info: ['saas~20', 1, 0, 'final', 0, 'e'] })).toThrow('The server runs Odoo saas~20.1');
    expect(() => parseServerVersion('<html>')).toThrow('The server did not say which Odoo version it runs');
  });
});

describe('JSON-2 body', () => {
  it('names every parameter, with the record ids and the context under their reserved keys', () => {
    expect(json2Body({ model: 'sale.order', method: 'write', ids: [4], positional: [['vals', { origin: 'x' }]], context: { lang: 'en_US' } })).toEqual({ ids: [4], vals: { origin: 'x' }, context: { lang: 'en_US' } });
    expect(json2Body({ model: 'res.partner', method: 'search', positional: [['domain', []]], keywords: { limit: 1 }, context: {} })).toEqual({ domain: [], limit: 1 });
  });
});

describe('external identifiers for EDI sources', () => {
  it('keeps a safe name as it is, and adds a hash where making it safe changed it', () => {
    expect(ediExternalId('acme', '850', '000000123')).toEqual({ module: 'edi_gateway', name: 'acme_850_000000123' });
    const dashed = ediExternalId('acme', 'order', 'PO-1');
    const spaced = ediExternalId('acme', 'order', 'PO 1');
    expect(dashed.name).toMatch(/^acme_order_po_1_[0-9a-f]{12}$/);
    expect(spaced.name).toMatch(/^acme_order_po_1_[0-9a-f]{12}$/);
    expect(dashed.name).not.toBe(spaced.name);
    expect(ediExternalId('acme', 'order', 'PO-1')).toEqual(dashed);
    expect(ediExternalId('x'.repeat(300)).name).toHaveLength(93);
    expect(() => ediExternalId()).toThrow('An external identifier needs at least one non-empty part');
  });
});

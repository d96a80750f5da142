/** The Odoo series the simulator can be, and what differs between them (reference section 4). */
export const ODOO_VERSIONS = [16, 17, 18, 19] as const;
export type OdooVersion = (typeof ODOO_VERSIONS)[number];

/** community: "17.0"; enterprise: "17.0+e"; online: the SaaS build naming ("saas~17.2", first info item a string). */
export type OdooEdition = 'community' | 'enterprise' | 'online';

export interface VersionRange {
  readonly from?: OdooVersion;
  readonly to?: OdooVersion;
}

export function inRange(version: OdooVersion, range: VersionRange | undefined): boolean {
  if (!range) return true;
  return (range.from === undefined || version >= range.from) && (range.to === undefined || version <= range.to);
}

/** What `common.version` answers. */
export function versionPayload(version: OdooVersion, edition: OdooEdition): Record<string, unknown> {
  if (edition === 'online') {
    const serie = `saas~${version}.2`;
    return { server_version: serie, server_version_info: [`saas~${version}`, 2, 0, 'final', 0, 'e'], server_serie: serie, protocol_version: 1 };
  }
  const enterprise = edition === 'enterprise';
  return {
    server_version: `${version}.0${enterprise ? '+e' : ''}`,
    server_version_info: [version, 0, 0, 'final', 0, enterprise ? 'e' : ''],
    server_serie: `${version}.0`,
    protocol_version: 1,
  };
}

/** Models that exist only in some series. */
export const MODEL_VERSIONS: Readonly<Record<string, VersionRange>> = {
  'res.partner.title': { to: 18 },
  'uom.category': { to: 18 },
  'procurement.group': { to: 18 },
  'stock.quant.package': { to: 18 },
  'stock.package': { from: 19 },
};

/** Fields that exist only in some series; any other name of the same model exists in all four. */
export const FIELD_VERSIONS: Readonly<Record<string, Readonly<Record<string, VersionRange>>>> = {
  'res.partner': { mobile: { to: 18 }, title: { to: 18 } },
  'product.template': { detailed_type: { to: 17 }, is_storable: { from: 18 }, uom_po_id: { to: 18 }, uom_ids: { from: 19 } },
  'product.supplierinfo': { product_uom_id: { from: 19 } },
  'uom.uom': { category_id: { to: 18 }, uom_type: { to: 18 }, factor_inv: { to: 18 }, relative_uom_id: { from: 19 }, relative_factor: { from: 19 } },
  'sale.order': { locked: { from: 17 }, procurement_group_id: { to: 18 } },
  'sale.order.line': { product_uom: { to: 18 }, product_uom_id: { from: 19 }, tax_id: { to: 18 }, tax_ids: { from: 19 } },
  'stock.picking': { date: { to: 18 }, group_id: { to: 18 }, move_ids_without_package: { to: 18 } },
  'stock.move': {
    name: { to: 18 },
    quantity_done: { to: 16 },
    quantity: { from: 17 },
    picked: { from: 17 },
    group_id: { to: 18 },
    location_final_id: { from: 18 },
  },
  'stock.move.line': { qty_done: { to: 16 }, reserved_uom_qty: { to: 16 }, quantity: { from: 17 }, picked: { from: 17 } },
  'account.move': {
    delivery_date: { from: 17 },
    reversal_move_id: { to: 17 },
    reversal_move_ids: { from: 18 },
    to_check: { to: 17 },
    checked: { from: 18 },
    status_in_payment: { from: 18 },
  },
  'purchase.order': { notes: { to: 18 }, note: { from: 19 }, group_id: { to: 18 }, locked: { from: 19 }, acknowledged: { from: 19 } },
  'purchase.order.line': { product_uom: { to: 18 }, product_uom_id: { from: 19 }, taxes_id: { to: 18 }, tax_ids: { from: 19 }, discount: { from: 17 } },
};

/** Selection keys that exist only in some series, by `model.field`. */
export const SELECTION_VERSIONS: Readonly<Record<string, Readonly<Record<string, VersionRange>>>> = {
  'res.partner.type': { private: { to: 16 } },
  'product.template.type': { product: { to: 17 }, combo: { from: 18 } },
  'sale.order.state': { done: { to: 16 } },
  'sale.order.line.display_type': { line_subsection: { from: 19 } },
  'account.move.payment_state': { blocked: { from: 18 } },
  'account.move.line.display_type': { discount: { from: 17 }, line_subsection: { from: 19 } },
  'purchase.order.state': { done: { to: 18 } },
};

/** The names the simulator's own business logic must use in a given series. */
export interface VersionNames {
  readonly saleLineUom: 'product_uom' | 'product_uom_id';
  readonly saleLineTaxes: 'tax_id' | 'tax_ids';
  readonly purchaseLineUom: 'product_uom' | 'product_uom_id';
  readonly purchaseLineTaxes: 'taxes_id' | 'tax_ids';
  readonly moveDone: 'quantity_done' | 'quantity';
  readonly moveLineDone: 'qty_done' | 'quantity';
  readonly packageModel: 'stock.quant.package' | 'stock.package';
  readonly nameSearchDomain: 'args' | 'domain';
}

export function versionNames(version: OdooVersion): VersionNames {
  return {
    saleLineUom: version >= 19 ? 'product_uom_id' : 'product_uom',
    saleLineTaxes: version >= 19 ? 'tax_ids' : 'tax_id',
    purchaseLineUom: version >= 19 ? 'product_uom_id' : 'product_uom',
    purchaseLineTaxes: version >= 19 ? 'tax_ids' : 'taxes_id',
    moveDone: version >= 17 ? 'quantity' : 'quantity_done',
    moveLineDone: version >= 17 ? 'quantity' : 'qty_done',
    packageModel: version >= 19 ? 'stock.package' : 'stock.quant.package',
    nameSearchDomain: version >= 18 ? 'domain' : 'args',
  };
}

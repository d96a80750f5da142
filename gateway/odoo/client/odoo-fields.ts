import { OdooCallError } from './odoo-errors.js';
import type { OdooSeries } from './server-version.js';

// The gateway names every model and field one way, Odoo 19's, and this table turns those names into the
// running series' own (reference section 4): sale.order.line.product_uom_id is `product_uom` up to 18,
// stock.package is stock.quant.package up to 18. A name that does not exist in the running series, or an
// old name used where the table knows the new one, is refused before anything is sent, so that a mapping
// written against one series fails loudly on another. Names the table does not list pass unchanged.

interface Renamed {
  readonly name: string;
  /** The last series with the old name. */
  readonly until: OdooSeries;
}

interface FieldRule {
  readonly formerly?: Renamed;
  /** The first and last series that have the field at all. */
  readonly from?: OdooSeries;
  readonly to?: OdooSeries;
  /** The (canonical) model it points to: x2many commands written through it and dotted paths follow it. */
  readonly relation?: string;
}

interface ModelRule {
  readonly formerly?: Renamed;
  readonly from?: OdooSeries;
  readonly to?: OdooSeries;
  readonly fields?: Readonly<Record<string, FieldRule>>;
}

const PRODUCT_FIELDS: Readonly<Record<string, FieldRule>> = {
  detailed_type: { to: 17 },
  is_storable: { from: 18 },
  uom_po_id: { to: 18 },
  uom_ids: { from: 19 },
};

const MODELS: Readonly<Record<string, ModelRule>> = {
  'res.partner': { fields: { mobile: { to: 18 }, title: { to: 18 }, parent_id: { relation: 'res.partner' }, child_ids: { relation: 'res.partner' } } },
  'res.partner.title': { to: 18 },
  'product.template': { fields: PRODUCT_FIELDS },
  'product.product': { fields: { ...PRODUCT_FIELDS, product_tmpl_id: { relation: 'product.template' } } },
  'product.supplierinfo': { fields: { product_uom_id: { from: 19 } } },
  'uom.uom': {
    fields: { category_id: { to: 18 }, uom_type: { to: 18 }, factor_inv: { to: 18 }, relative_uom_id: { from: 19 }, relative_factor: { from: 19 } },
  },
  'uom.category': { to: 18 },
  'sale.order': {
    fields: { locked: { from: 17 }, procurement_group_id: { to: 18 }, order_line: { relation: 'sale.order.line' }, picking_ids: { relation: 'stock.picking' } },
  },
  'sale.order.line': {
    fields: {
      product_uom_id: { formerly: { name: 'product_uom', until: 18 } },
      tax_ids: { formerly: { name: 'tax_id', until: 18 } },
      order_id: { relation: 'sale.order' },
      move_ids: { relation: 'stock.move' },
    },
  },
  'stock.picking': {
    fields: {
      date: { to: 18 },
      group_id: { to: 18 },
      move_ids_without_package: { to: 18, relation: 'stock.move' },
      move_ids: { relation: 'stock.move' },
      move_line_ids: { relation: 'stock.move.line' },
      package_ids: { relation: 'stock.package' },
      sale_id: { relation: 'sale.order' },
      purchase_id: { relation: 'purchase.order' },
    },
  },
  'stock.move': {
    fields: {
      name: { to: 18 },
      quantity: { formerly: { name: 'quantity_done', until: 16 } },
      picked: { from: 17 },
      group_id: { to: 18 },
      location_final_id: { from: 18 },
      picking_id: { relation: 'stock.picking' },
      move_line_ids: { relation: 'stock.move.line' },
      sale_line_id: { relation: 'sale.order.line' },
      purchase_line_id: { relation: 'purchase.order.line' },
    },
  },
  'stock.move.line': {
    fields: {
      quantity: { formerly: { name: 'qty_done', until: 16 } },
      reserved_uom_qty: { to: 16 },
      picked: { from: 17 },
      move_id: { relation: 'stock.move' },
      picking_id: { relation: 'stock.picking' },
      package_id: { relation: 'stock.package' },
      result_package_id: { relation: 'stock.package' },
    },
  },
  'stock.package': { formerly: { name: 'stock.quant.package', until: 18 } },
  'procurement.group': { to: 18 },
  'account.move': {
    fields: {
      delivery_date: { from: 17 },
      reversal_move_ids: { formerly: { name: 'reversal_move_id', until: 17 }, relation: 'account.move' },
      to_check: { to: 17 },
      checked: { from: 18 },
      status_in_payment: { from: 18 },
      invoice_line_ids: { relation: 'account.move.line' },
      line_ids: { relation: 'account.move.line' },
    },
  },
  'account.move.line': { fields: { move_id: { relation: 'account.move' }, sale_line_ids: { relation: 'sale.order.line' }, purchase_line_id: { relation: 'purchase.order.line' } } },
  'purchase.order': {
    fields: {
      note: { formerly: { name: 'notes', until: 18 } },
      group_id: { to: 18 },
      locked: { from: 19 },
      acknowledged: { from: 19 },
      order_line: { relation: 'purchase.order.line' },
      picking_ids: { relation: 'stock.picking' },
    },
  },
  'purchase.order.line': {
    fields: {
      product_uom_id: { formerly: { name: 'product_uom', until: 18 } },
      tax_ids: { formerly: { name: 'taxes_id', until: 18 } },
      discount: { from: 17 },
      order_id: { relation: 'purchase.order' },
      move_ids: { relation: 'stock.move' },
    },
  },
};

/** Keyword parameters of ORM methods whose name changed (reference 2.1). */
const METHOD_PARAMETERS: Readonly<Record<string, Readonly<Record<string, Renamed>>>> = {
  name_search: { domain: { name: 'args', until: 17 } },
};

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function refuse(message: string): OdooCallError {
  return new OdooCallError('ODOO_REQUEST_INVALID', message);
}

function absence(what: string, rule: { readonly from?: OdooSeries; readonly to?: OdooSeries }, series: OdooSeries): string | undefined {
  if (rule.from !== undefined && series < rule.from) return `${what} does not exist in Odoo ${series}: it comes with Odoo ${rule.from}`;
  if (rule.to !== undefined && series > rule.to) return `${what} does not exist in Odoo ${series}: Odoo ${rule.to} was the last to have it`;
  return undefined;
}

/** The gateway's names turned into one Odoo series' names, and Odoo's answers turned back. */
export class OdooFieldNames {
  private readonly formerModels = new Map<string, string>();
  private readonly formerFields = new Map<string, Map<string, string>>();
  private readonly readBack = new Map<string, Map<string, string>>();

  constructor(readonly series: OdooSeries) {
    for (const [model, rule] of Object.entries(MODELS)) {
      if (rule.formerly) this.formerModels.set(rule.formerly.name, model);
      const former = new Map<string, string>();
      const back = new Map<string, string>();
      for (const [field, fieldRule] of Object.entries(rule.fields ?? {})) {
        if (!fieldRule.formerly) continue;
        former.set(fieldRule.formerly.name, field);
        if (series <= fieldRule.formerly.until) back.set(fieldRule.formerly.name, field);
      }
      this.formerFields.set(model, former);
      this.readBack.set(model, back);
    }
  }

  /** Odoo's name of a model in this series. */
  model(model: string): string {
    const renamed = this.formerModels.get(model);
    if (renamed !== undefined) throw refuse(`${model} is Odoo's old name of ${renamed}; the gateway names it ${renamed} for every Odoo version`);
    const rule = MODELS[model];
    if (!rule) return model;
    const absent = absence(`The model ${model}`, rule, this.series);
    if (absent) throw refuse(absent);
    return rule.formerly && this.series <= rule.formerly.until ? rule.formerly.name : model;
  }

  /** Odoo's name of one field of a model in this series. */
  field(model: string, field: string): string {
    const renamed = this.formerFields.get(model)?.get(field);
    if (renamed !== undefined) throw refuse(`${model}.${field} is Odoo's old name of ${renamed}; the gateway names it ${renamed} for every Odoo version`);
    const rule = MODELS[model]?.fields?.[field];
    if (!rule) return field;
    const absent = absence(`The field ${model}.${field}`, rule, this.series);
    if (absent) throw refuse(absent);
    return rule.formerly && this.series <= rule.formerly.until ? rule.formerly.name : field;
  }

  fields(model: string, fields: readonly string[]): string[] {
    return fields.map((field) => this.field(model, field));
  }

  /** Values for create or write, x2many commands (0 create, 1 update) included with their lines' names. */
  values(model: string, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(values).map(([field, value]) => {
        const relation = MODELS[model]?.fields?.[field]?.relation;
        return [this.field(model, field), relation && Array.isArray(value) ? value.map((command) => this.command(relation, command)) : value];
      }),
    );
  }

  private command(model: string, command: unknown): unknown {
    if (!Array.isArray(command) || (command[0] !== 0 && command[0] !== 1) || !isObject(command[2])) return command;
    return [command[0], command[1], this.values(model, command[2]), ...command.slice(3)];
  }

  /** A domain: every condition's field path (following relations the table knows), `any` sub-domains too. */
  domain(model: string, domain: readonly unknown[]): unknown[] {
    return domain.map((term) => {
      if (!Array.isArray(term) || term.length !== 3 || typeof term[0] !== 'string') return term;
      const [path, operator, value] = term as [string, unknown, unknown];
      const { odooPath, target } = this.path(model, path);
      const nested = (operator === 'any' || operator === 'not any') && target !== undefined && Array.isArray(value);
      return [odooPath, operator, nested ? this.domain(target, value) : value];
    });
  }

  private path(model: string, path: string): { odooPath: string; target: string | undefined } {
    let current: string | undefined = model;
    const names = path.split('.').map((segment) => {
      if (current === undefined) return segment;
      const name = this.field(current, segment);
      current = MODELS[current]?.fields?.[segment]?.relation;
      return name;
    });
    return { odooPath: names.join('.'), target: current };
  }

  /** An `order` string ("write_date asc, id asc"). */
  order(model: string, order: string): string {
    return order
      .split(',')
      .map((part) => {
        const [field = '', ...direction] = part.trim().split(/\s+/);
        return [this.field(model, field), ...direction].join(' ');
      })
      .join(', ');
  }

  /** A record as Odoo read it, with the gateway's names for the renamed fields. */
  record(model: string, record: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const back = this.readBack.get(model);
    if (!back || back.size === 0) return { ...record };
    return Object.fromEntries(Object.entries(record).map(([field, value]) => [back.get(field) ?? field, value]));
  }

  /** Keyword arguments of a method whose parameter names changed between series (name_search's domain). */
  keywords(method: string, keywords: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const renames = METHOD_PARAMETERS[method];
    if (!renames) return { ...keywords };
    return Object.fromEntries(Object.entries(keywords).map(([name, value]) => [renames[name] && this.series <= renames[name].until ? renames[name].name : name, value]));
  }
}

import { GatewayError } from '../../errors/gateway-error.js';
import type { OdooClient } from '../client/odoo-client.js';
import { many2oneId } from './odoo-values.js';

// Canonical quantities carry UN/ECE Recommendation 20 unit codes (the partner's own codes were turned into
// them by its profile). Odoo's units are found by their external ids, which every database has, rather than
// by their names, which are translated (reference 3.3). A unit with no Odoo counterpart is refused: taking
// a case for an each would get the quantity wrong by the case's size.

const UNIT_XMLIDS: Readonly<Record<string, string>> = {
  EA: 'uom.product_uom_unit',
  C62: 'uom.product_uom_unit',
  H87: 'uom.product_uom_unit',
  DZN: 'uom.product_uom_dozen',
  KGM: 'uom.product_uom_kgm',
  LBR: 'uom.product_uom_lb',
};

export interface UnitToFind {
  /** Where the quantity is, as support reads it: "line 2". */
  readonly label: string;
  readonly unit: string;
}

/** The uom.uom id of each unit, in order; ODOO_PRODUCT_UNKNOWN naming the lines whose unit Odoo has no unit for. */
export async function odooUnits(client: OdooClient, units: readonly UnitToFind[]): Promise<number[]> {
  const names = [...new Set(units.flatMap(({ unit }) => (UNIT_XMLIDS[unit] === undefined ? [] : [UNIT_XMLIDS[unit].slice('uom.'.length)])))];
  const rows =
    names.length === 0
      ? []
      : await client.searchRead(
          'ir.model.data',
          [
            ['module', '=', 'uom'],
            ['name', 'in', names],
          ],
          { fields: ['name', 'res_id'] },
        );
  const byXmlid = new Map(rows.map((row) => [`uom.${String(row.name)}`, many2oneId(row.res_id)]));
  const problems: string[] = [];
  const ids = units.map(({ label, unit }) => {
    const xmlid = UNIT_XMLIDS[unit];
    const id = xmlid === undefined ? undefined : byXmlid.get(xmlid);
    if (id !== undefined) return id;
    problems.push(
      xmlid === undefined
        ? `${label} is in ${unit}, a unit the gateway has no Odoo unit for (it knows ${Object.keys(UNIT_XMLIDS).join(', ')})`
        : `${label} is in ${unit}, and Odoo has no unit ${xmlid}`,
    );
    return 0;
  });
  if (problems.length > 0) throw new GatewayError('ODOO_PRODUCT_UNKNOWN', `Not every quantity is in a unit Odoo has: ${problems.join('; ')}`);
  return ids;
}

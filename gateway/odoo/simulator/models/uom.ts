import { active, char, float, many2one, selection } from '../orm/fields.js';
import type { ModelSpec } from '../orm/model-spec.js';

export const uomCategory: ModelSpec = {
  name: 'uom.category',
  description: 'Product UoM Categories',
  fields: { name: char('Unit of Measure Category', { required: true }) },
};

/** Units: grouped in categories up to 18, a tree of relative units from 19 (reference 3.3). */
export const uomUom: ModelSpec = {
  name: 'uom.uom',
  description: 'Product Unit of Measure',
  order: 'name',
  fields: {
    name: char('Unit of Measure', { required: true }),
    category_id: many2one('Category', 'uom.category', { required: true, ondelete: 'restrict' }),
    uom_type: selection(
      'Type',
      [
        ['bigger', 'Bigger than the reference Unit of Measure'],
        ['reference', 'Reference Unit of Measure for this category'],
        ['smaller', 'Smaller than the reference Unit of Measure'],
      ],
      { default: () => 'reference' },
    ),
    factor: float('Ratio', { default: () => 1 }),
    factor_inv: float('Bigger Ratio', { compute: (_env, row) => (row.factor ? 1 / Number(row.factor) : 0) }),
    rounding: float('Rounding Precision', { default: () => 0.01 }),
    relative_uom_id: many2one('Reference Unit', 'uom.uom'),
    relative_factor: float('Contains', { default: () => 1 }),
    active: active(),
  },
};

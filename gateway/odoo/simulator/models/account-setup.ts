import { active, boolean, char, float, many2one, selection } from '../orm/fields.js';
import type { ModelSpec } from '../orm/model-spec.js';

export const accountJournal: ModelSpec = {
  name: 'account.journal',
  description: 'Journal',
  order: 'sequence, type, code',
  fields: {
    name: char('Journal Name', { required: true }),
    code: char('Short Code', { required: true }),
    type: selection(
      'Type',
      [
        ['sale', 'Sales'],
        ['purchase', 'Purchase'],
        ['cash', 'Cash'],
        ['bank', 'Bank'],
        ['general', 'Miscellaneous'],
      ],
      { required: true },
    ),
    sequence: float('Sequence', { default: () => 10 }),
    refund_sequence: boolean('Dedicated Credit Note Sequence', { default: () => true }),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
    active: active(),
  },
};

export const accountTax: ModelSpec = {
  name: 'account.tax',
  description: 'Tax',
  order: 'sequence,id',
  fields: {
    name: char('Tax Name', { required: true }),
    sequence: float('Sequence', { default: () => 1 }),
    amount_type: selection(
      'Tax Computation',
      [
        ['fixed', 'Fixed'],
        ['percent', 'Percentage of Price'],
      ],
      { required: true, default: () => 'percent' },
    ),
    amount: float('Amount', { required: true }),
    type_tax_use: selection(
      'Tax Type',
      [
        ['sale', 'Sales'],
        ['purchase', 'Purchases'],
        ['none', 'None'],
      ],
      { required: true, default: () => 'sale' },
    ),
    company_id: many2one('Company', 'res.company', { required: true, default: (env) => env.companyId }),
    active: active(),
  },
};

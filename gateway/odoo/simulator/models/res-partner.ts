import { active, boolean, char, html, integer, many2one, one2many, selection } from '../orm/fields.js';
import type { Env } from '../orm/env.js';
import type { ModelSpec, Row } from '../orm/model-spec.js';
import { findRow } from '../orm/records.js';

const ADDRESS_TYPES = [
  ['contact', 'Contact'],
  ['invoice', 'Invoice Address'],
  ['delivery', 'Delivery Address'],
  ['other', 'Other Address'],
  ['private', 'Private Address'],
] as const;

/** The company a contact belongs to: the nearest company up the tree, else the top of it. */
export function commercialPartner(env: Env, row: Row): Row {
  let current = row;
  while (!current.is_company && typeof current.parent_id === 'number') {
    const parent = findRow(env, 'res.partner', current.parent_id);
    if (!parent) break;
    current = parent;
  }
  return current;
}

/** "Company, Person", or "Company, Delivery Address" for an unnamed address (Odoo's `_get_complete_name`). */
function completeName(env: Env, row: Row): string {
  let name = typeof row.name === 'string' ? row.name : '';
  const parent = typeof row.parent_id === 'number' ? findRow(env, 'res.partner', row.parent_id) : undefined;
  if (parent) {
    if (!name && row.type !== 'contact') name = ADDRESS_TYPES.find(([key]) => key === row.type)?.[1] ?? '';
    if (!row.is_company) {
      const company = commercialPartner(env, parent);
      name = `${String(company.name || parent.name || '')}, ${name}`;
    }
  }
  return name;
}

/** `address_get`: the first child address of the wanted type under the partner, else the partner itself. */
export function addressOf(env: Env, partnerId: number, type: string): number {
  const partners = [...env.db.table('res.partner').values()];
  const queue = [partnerId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const child of partners.filter((row) => row.parent_id === current && row.active !== false)) {
      if (child.type === type) return child.id;
      queue.push(child.id);
    }
  }
  return partnerId;
}

export const resPartner: ModelSpec = {
  name: 'res.partner',
  description: 'Contact',
  order: 'complete_name asc, id desc',
  parentName: 'parent_id',
  thread: true,
  displayName: completeName,
  nameSearch: ['email', 'ref', 'vat'],
  fields: {
    name: char('Name'),
    complete_name: char('Complete Name', { compute: completeName }),
    ref: char('Reference'),
    vat: char('Tax ID'),
    email: char('Email'),
    phone: char('Phone'),
    mobile: char('Mobile'),
    barcode: char('Barcode'),
    is_company: boolean('Is a Company'),
    company_type: selection(
      'Company Type',
      [
        ['person', 'Individual'],
        ['company', 'Company'],
      ],
      {
        compute: (_env, row) => (row.is_company ? 'company' : 'person'),
        inverse: (_env, row, value) => {
          row.is_company = value === 'company';
        },
      },
    ),
    parent_id: many2one('Related Company', 'res.partner'),
    child_ids: one2many('Contact', 'res.partner', 'parent_id'),
    commercial_partner_id: many2one('Commercial Entity', 'res.partner', { compute: (env, row) => commercialPartner(env, row).id }),
    type: selection('Address Type', ADDRESS_TYPES, { default: () => 'contact' }),
    street: char('Street'),
    street2: char('Street2'),
    city: char('City'),
    zip: char('Zip'),
    state_id: many2one('State', 'res.country.state', { ondelete: 'restrict' }),
    country_id: many2one('Country', 'res.country', { ondelete: 'restrict' }),
    company_id: many2one('Company', 'res.company'),
    active: active(),
    lang: char('Language', { default: () => 'en_US' }),
    customer_rank: integer('Customer Rank'),
    supplier_rank: integer('Supplier Rank'),
    title: many2one('Title', 'res.partner.title'),
    comment: html('Notes'),
  },
  constraints: [{ sql: true, fields: ['name', 'type'], check: (_env, row) => (row.type === 'contact' && (row.name === false || row.name === undefined) ? 'Contacts require a name' : undefined) }],
};

export const resPartnerTitle: ModelSpec = {
  name: 'res.partner.title',
  description: 'Partner Title',
  fields: { name: char('Title', { required: true }), shortcut: char('Abbreviation') },
};

export const resCurrency: ModelSpec = {
  name: 'res.currency',
  description: 'Currency',
  order: 'active desc, name',
  fields: { name: char('Currency', { required: true }), symbol: char('Symbol', { required: true }), active: active() },
};

export const resCountry: ModelSpec = {
  name: 'res.country',
  description: 'Country',
  fields: { name: char('Country Name', { required: true }), code: char('Country Code') },
};

export const resCountryState: ModelSpec = {
  name: 'res.country.state',
  description: 'Country state',
  fields: {
    name: char('State Name', { required: true }),
    code: char('State Code', { required: true }),
    country_id: many2one('Country', 'res.country', { required: true }),
  },
};

export const resCompany: ModelSpec = {
  name: 'res.company',
  description: 'Companies',
  order: 'id',
  fields: {
    name: char('Company Name', { required: true }),
    partner_id: many2one('Partner', 'res.partner', { required: true }),
    currency_id: many2one('Currency', 'res.currency', { required: true }),
    active: active(),
  },
};

export const resUsers: ModelSpec = {
  name: 'res.users',
  description: 'User',
  order: 'name, login',
  fields: {
    name: char('Name', { required: true }),
    login: char('Login', { required: true }),
    partner_id: many2one('Related Partner', 'res.partner', { required: true }),
    company_id: many2one('Company', 'res.company', { required: true }),
    active: active(),
  },
  methods: {
    context_get: { model: true, access: 'read', run: (env) => ({ lang: 'en_US', tz: 'UTC', uid: env.uid }) },
  },
};

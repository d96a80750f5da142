import type { Env } from '../orm/env.js';
import type { Stored } from '../orm/model-spec.js';
import { get } from '../orm/records.js';

export interface LineAmounts {
  readonly subtotal: number;
  readonly tax: number;
  readonly total: number;
}

const cents = (value: number) => Math.round(value * 100) / 100;

/** Subtotal, tax and total of an order or invoice line: percent taxes on the subtotal, fixed ones per unit. */
export function lineAmounts(env: Env, quantity: Stored, priceUnit: Stored, discount: Stored, taxIds: Stored): LineAmounts {
  const subtotal = cents(Number(quantity) * Number(priceUnit) * (1 - Number(discount || 0) / 100));
  let tax = 0;
  for (const taxId of Array.isArray(taxIds) ? taxIds : []) {
    const amount = Number(get(env, 'account.tax', taxId, 'amount'));
    tax += get(env, 'account.tax', taxId, 'amount_type') === 'fixed' ? amount * Number(quantity) : (subtotal * amount) / 100;
  }
  return { subtotal, tax: cents(tax), total: cents(subtotal + tax) };
}

/** Sums one amount over rows, rounded to the cent. */
export function sumOf(values: readonly number[]): number {
  return cents(values.reduce((sum, value) => sum + value, 0));
}

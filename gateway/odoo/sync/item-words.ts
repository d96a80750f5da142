import type { Item } from '../../../translators/canonical/index.js';

/** An item as support reads it in a message: "GTIN 012345678905, buyer item SKU-1 (Widget)". */
export function itemWords(item: Item): string {
  const numbers = [
    item.gtin === undefined ? undefined : `GTIN ${item.gtin}`,
    item.buyerItem === undefined ? undefined : `buyer item ${item.buyerItem}`,
    item.vendorItem === undefined ? undefined : `vendor item ${item.vendorItem}`,
  ].filter((part) => part !== undefined);
  return `${numbers.join(', ')}${item.description === undefined ? '' : ` (${item.description})`}`;
}

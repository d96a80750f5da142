import type { Money } from '../canonical/index.js';
import type { OutboundSegment } from './map-contract.js';
import { mapProblem } from './map-result.js';
import { segment, type Problems } from './x12-elements.js';

// X12 states one currency for a whole transaction set (CUR02), so every amount written must be in it.

/** CUR*entity*currency for the amounts, none when there are none; an amount in another currency is a problem. */
export function curOut(entity: string, amounts: readonly { readonly money: Money; readonly path: string }[], problems: Problems): OutboundSegment[] {
  const currency = amounts[0]?.money.currency;
  if (currency === undefined) return [];
  for (const { money, path } of amounts) {
    if (money.currency !== currency) {
      problems.push(mapProblem('MAP_VALUE_INVALID', `The amount at ${path} is in ${money.currency}; X12 states one currency per document, here ${currency}.`, { path: `${path}/currency` }));
    }
  }
  return [segment('CUR', entity, currency)];
}

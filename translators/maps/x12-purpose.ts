import type { TreeSegment } from '../tree.js';
import type { MapOptions } from './map-contract.js';
import { codeIn, codeOut } from './map-options.js';
import { mapProblem } from './map-result.js';
import { at, text, type Problems } from './x12-elements.js';
import type { Order } from '../canonical/index.js';

// The transaction set purpose code (353: BEG01, BSN01, BIG08) and the canonical purpose, both ways.

type Purpose = Order['purpose'];

const PURPOSES: Readonly<Record<string, Purpose>> = {
  '00': 'original',
  '01': 'cancellation',
  '04': 'change',
  '05': 'replacement',
  '07': 'duplicate',
};

/** The purpose the element states; an element left out means an original, as the 810 (BIG08) allows. */
export function purposeFrom(segment: TreeSegment | undefined, element: string, options: MapOptions, problems: Problems): Purpose {
  const code = text(segment, element);
  if (code === '') return 'original';
  const purpose = PURPOSES[codeIn(options, element, code)];
  if (purpose === undefined) {
    problems.push(mapProblem('MAP_CODE_UNKNOWN', `${element}, the transaction set purpose, is "${code}", which this map does not know; the partner's profile can translate it.`, at(segment, element)));
  }
  return purpose ?? 'original';
}

export function purposeOut(purpose: Purpose, element: string, options: MapOptions): string {
  return codeOut(options, element, Object.entries(PURPOSES).find(([, meaning]) => meaning === purpose)?.[0] ?? '00');
}

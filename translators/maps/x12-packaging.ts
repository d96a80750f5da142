import type { Quantity } from '../canonical/index.js';
import type { TreeLoop, TreeSegment } from '../tree.js';
import type { MapOptions, OutboundSegment } from './map-contract.js';
import { mapProblem } from './map-result.js';
import { at, field, segment, text, type Problems } from './x12-elements.js';
import { quantityElements, quantityOut } from './x12-quantities.js';

// What the tare (pallet) and pack (carton) levels of an 856 say about a package: its SSCC (MAN*GM), tracking
// number (MAN*CP), gross weight and outside size (MEA, or PO4 where a partner puts them there). Written with
// MEA, which names each measurement on its own, and the SSCC with its application identifier 00 in front,
// as the VICS guide asks; read with or without it.

interface Dimensions {
  readonly length: string;
  readonly width: string;
  readonly height: string;
  readonly unit: string;
}

export interface PackageFacts {
  readonly sscc?: string;
  readonly trackingNumber?: string;
  readonly grossWeight?: Quantity;
  readonly dimensions?: Dimensions;
}

function marks(loop: TreeLoop<TreeSegment>, qualifier: string): string | undefined {
  return loop.segments('MAN').map((man) => (text(man, 'MAN01') === qualifier ? text(man, 'MAN02') : '')).find((value) => value !== '');
}

export function packageFrom(loop: TreeLoop<TreeSegment>, options: MapOptions, problems: Problems): PackageFacts {
  const sscc = marks(loop, 'GM');
  const measurement = (qualifiers: readonly string[]) => loop.segments('MEA').find((mea) => qualifiers.includes(text(mea, 'MEA02')));
  const measured = (qualifiers: readonly string[], what: string) =>
    quantityElements(measurement(qualifiers), { value: 'MEA03', unit: 'MEA04-1' }, { what, required: false }, options, problems);
  const po4 = loop.segment('PO4');
  const grossWeight =
    measured(['G', 'WT'], 'the gross weight') ?? quantityElements(po4, { value: 'PO406', unit: 'PO407' }, { what: 'the gross weight per pack', required: false }, options, problems);
  return {
    ...field('sscc', sscc?.length === 20 && sscc.startsWith('00') ? sscc.slice(2) : sscc),
    ...field('trackingNumber', marks(loop, 'CP')),
    ...field('grossWeight', grossWeight),
    ...field('dimensions', dimensionsFrom(loop, po4, options, problems)),
  };
}

function dimensionsFrom(loop: TreeLoop<TreeSegment>, po4: TreeSegment | undefined, options: MapOptions, problems: Problems): Dimensions | undefined {
  const sides = (['LN', 'WD', 'HT'] as const).map((qualifier) => loop.segments('MEA').find((mea) => text(mea, 'MEA02') === qualifier));
  const [length, width, height] = sides.map((mea, index) =>
    quantityElements(mea, { value: 'MEA03', unit: 'MEA04-1' }, { what: ['the length', 'the width', 'the height'][index] as string, required: false }, options, problems),
  );
  if (length && width && height) {
    if (width.unit !== length.unit || height.unit !== length.unit) {
      problems.push(mapProblem('MAP_VALUE_INVALID', 'The length, width and height (MEA LN, WD, HT) are in different units; the canonical size has one unit.', at(sides[2], 'MEA04')));
      return undefined;
    }
    return { length: length.value, width: width.value, height: height.value, unit: length.unit };
  }
  const po4Length = quantityElements(po4, { value: 'PO410', unit: 'PO413' }, { what: 'the length of the pack', required: false }, options, problems);
  const po4Width = text(po4, 'PO411');
  const po4Height = text(po4, 'PO412');
  return po4Length && po4Width && po4Height ? { length: po4Length.value, width: po4Width, height: po4Height, unit: po4Length.unit } : undefined;
}

/** MEA for the weight and size, then MAN for the SSCC and tracking number, in the order the 856 keeps them. */
export function packageOut(facts: PackageFacts, path: string, options: MapOptions, problems: Problems): OutboundSegment[] {
  const measure = (qualifier: string, quantity: Quantity, quantityPath: string) => {
    const { value, unit } = quantityOut(quantity, quantityPath, options, problems);
    return segment('MEA', 'PD', qualifier, value, [unit]);
  };
  const { grossWeight, dimensions } = facts;
  return [
    ...(grossWeight ? [measure('G', grossWeight, `${path}/grossWeight`)] : []),
    ...(dimensions
      ? (['length', 'width', 'height'] as const).map((side, index) =>
          measure(['LN', 'WD', 'HT'][index] as string, { value: dimensions[side], unit: dimensions.unit }, `${path}/dimensions`),
        )
      : []),
    ...(facts.sscc ? [segment('MAN', 'GM', `00${facts.sscc}`)] : []),
    ...(facts.trackingNumber ? [segment('MAN', 'CP', facts.trackingNumber)] : []),
  ];
}

import type { Quantity } from '../canonical/index.js';
import { MEASURES } from './edifact-desadv-layout.js';
import { readMeasure, writeMeasure } from './edifact-quantities.js';
import { field, type InboundProblems, type Loop } from './edifact-reading.js';
import type { EdifactSegmentWriter } from './edifact-writing.js';
import type { MapOptions } from './map-contract.js';

// A package's gross weight and outside size as the MEA segments after its PAC give them. A size is kept
// only when length, width and height are all given in one unit, as the canonical dimensions are.

interface Dimensions {
  readonly length: string;
  readonly width: string;
  readonly height: string;
  readonly unit: string;
}

export interface PackageMeasures {
  readonly grossWeight?: Quantity;
  readonly dimensions?: Dimensions;
}

export function readPackageMeasures(problems: InboundProblems, pac: Loop, options: MapOptions): PackageMeasures {
  const [length, width, height] = [MEASURES.length, MEASURES.width, MEASURES.height].map((dimension) => readMeasure(problems, pac, dimension, options));
  let dimensions: Dimensions | undefined;
  if (length && width && height) {
    if (length.unit === width.unit && width.unit === height.unit) dimensions = { length: length.value, width: width.value, height: height.value, unit: length.unit };
    else problems.invalid(pac.segment('MEA'), 'MEA03-1', `MEA gives length, width and height in different units (${length.unit}, ${width.unit}, ${height.unit}); the package's size needs one.`);
  }
  return { ...field('grossWeight', readMeasure(problems, pac, MEASURES.grossWeight, options)), ...field('dimensions', dimensions) };
}

export function writePackageMeasures(writer: EdifactSegmentWriter, measures: PackageMeasures, path: string): void {
  const { grossWeight, dimensions } = measures;
  if (grossWeight) writeMeasure(writer, MEASURES.grossWeight, grossWeight.value, grossWeight.unit, `${path}/grossWeight/value`);
  if (dimensions) {
    for (const key of ['length', 'width', 'height'] as const) writeMeasure(writer, MEASURES[key], dimensions[key], dimensions.unit, `${path}/dimensions/${key}`);
  }
}

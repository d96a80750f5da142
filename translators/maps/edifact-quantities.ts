import type { Quantity } from '../canonical/index.js';
import type { TreeSegment } from '../tree.js';
import { decimalOf, segmentsWhere, type InboundProblems, type Loop } from './edifact-reading.js';
import type { EdifactSegmentWriter } from './edifact-writing.js';
import type { MapOptions } from './map-contract.js';
import { unitIn, unitOut } from './map-options.js';

// Quantities (QTY C186) and measures (MEA C174) with their unit. EDIFACT's unit codes (6411) are UN/ECE
// Recommendation 20 codes already, so a unit the partner's table does not name is passed through as it
// stands; only a code that cannot be a Recommendation 20 code ("GBND", "pcs") is a problem. A QTY without
// a unit counts the goods themselves, read as EA (each).

const REC20_FORM = /^[A-Z0-9]{2,3}$/;
const COUNTED = 'EA';

/** The unit a partner's code stands for, or a problem. */
export function readUnit(problems: InboundProblems, at: TreeSegment, element: string, options: MapOptions): string | undefined {
  const code = at.value(element);
  const unit = unitIn(options, code) ?? code;
  if (REC20_FORM.test(unit)) return unit;
  problems.add('MAP_CODE_UNKNOWN', at, element, `${element} is "${code}", which is not a UN/ECE Recommendation 20 unit; the partner's unit table (unitsOfMeasure) can say which unit it stands for.`);
  return undefined;
}

/** The quantity of the QTY in `loop` whose qualifier (6063) is `qualifier`; a problem when `what` says it is required and it is absent. */
export function readQuantity(problems: InboundProblems, loop: Loop, qualifiers: readonly string[], options: MapOptions, what: string): Quantity | undefined {
  const qty = qualifiers.map((qualifier) => segmentsWhere(loop, 'QTY', 'QTY01-1', [qualifier], options)[0]).find((found) => found !== undefined);
  if (qty === undefined) {
    problems.missing(loop.segment('LIN') ?? loop.children.find((child) => child.kind === 'segment'), 'QTY01-2', what, `QTY ${qualifiers[0]}`);
    return undefined;
  }
  const value = decimalOf(problems, qty, 'QTY01-2', what);
  if (value === undefined) {
    if (qty.value('QTY01-2') === '') problems.missing(qty, 'QTY01-2', what);
    return undefined;
  }
  const unit = qty.value('QTY01-3') === '' ? COUNTED : readUnit(problems, qty, 'QTY01-3', options);
  return unit === undefined ? undefined : { value, unit };
}

/** The measure of the MEA in `loop` whose dimension (MEA02-1) is `dimension`: AAB gross weight, LN length. */
export function readMeasure(problems: InboundProblems, loop: Loop, dimension: string, options: MapOptions): Quantity | undefined {
  const mea = segmentsWhere(loop, 'MEA', 'MEA02-1', [dimension], options)[0];
  if (mea === undefined) return undefined;
  const value = decimalOf(problems, mea, 'MEA03-2', `the measure of MEA ${dimension}`);
  const unit = readUnit(problems, mea, 'MEA03-1', options);
  return value === undefined || unit === undefined ? undefined : { value, unit };
}

export function writeQuantity(writer: EdifactSegmentWriter, qualifier: string, quantity: Quantity, path: string): void {
  writer.segment('QTY', [qualifier, writer.decimal(quantity.value, `${path}/value`), unitOut(writer.options, quantity.unit) ?? quantity.unit]);
}

/** MEA+PD: a physical dimension such as AAB (gross weight) or LN (length). */
export function writeMeasure(writer: EdifactSegmentWriter, dimension: string, value: string, unit: string, path: string): void {
  writer.segment('MEA', 'PD', dimension, [unitOut(writer.options, unit) ?? unit, writer.decimal(value, path)]);
}

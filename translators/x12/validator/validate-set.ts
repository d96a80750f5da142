import type { Diagnostic, DiagnosticLocation } from '../../diagnostic.js';
import { ElementError } from '../codes.js';
import type { TransactionSet } from '../envelope-reader.js';
import type { X12Delimiters } from '../segment.js';
import type { LoopNode } from '../tree.js';
import { checkElements, type ElementProblem } from './check-elements.js';
import type { CompiledSet } from './compiled-spec.js';
import { matchStructure, type PlacedSegment } from './match-structure.js';

// One transaction set against its compiled spec: structure first (which also builds the tree the maps
// read), then every placed segment's elements, then the HL hierarchy where the set has one.

export interface ValidatedSet {
  readonly tree: LoopNode;
  readonly diagnostics: readonly Diagnostic[];
}

export function validateSet(set: TransactionSet, delimiters: X12Delimiters, compiled: CompiledSet): ValidatedSet {
  const version5010 = set.groupVersion.startsWith('005');
  const segmentList = version5010 ? 'IK304' : 'AK304';
  const elementList = version5010 ? 'IK403' : 'AK403';
  const structure = matchStructure(compiled, set.segments, delimiters, version5010);
  const diagnostics: Diagnostic[] = [];
  const where = (offset: number, position: number, tag: string, loop: string): DiagnosticLocation => ({
    offset,
    interchange: set.interchange,
    group: set.group,
    set: set.controlNumber,
    segmentPosition: position,
    segment: tag,
    ...(loop ? { loop } : {}),
  });
  const lastOffset = set.segments.at(-1)?.offset ?? 0;
  for (const problem of structure.problems) {
    diagnostics.push({
      level: 'segment',
      severity: 'error',
      codeList: segmentList,
      code: problem.code,
      message: problem.message,
      location: where(problem.segment?.offset ?? lastOffset, problem.position, problem.tag, problem.loop),
    });
  }
  const elementProblem = (placed: PlacedSegment, problem: ElementProblem): Diagnostic => ({
    level: 'element',
    severity: 'error',
    codeList: elementList,
    code: problem.code,
    message: problem.message,
    location: {
      ...where(placed.node.segment.offset, placed.node.position, placed.node.tag, placed.loop),
      element: problem.element,
      ...(problem.component !== undefined ? { component: problem.component } : {}),
      ...(problem.repetition !== undefined ? { repetition: problem.repetition } : {}),
      ...(problem.ref ? { elementRef: problem.ref } : {}),
    },
    ...(problem.data !== undefined ? { data: problem.data } : {}),
  });
  const options = { component: delimiters.component, repetition: delimiters.repetition, version5010 };
  for (const placed of structure.placed) {
    for (const problem of checkElements(placed.node.segment, placed.definition, options)) diagnostics.push(elementProblem(placed, problem));
  }
  if (compiled.hierarchical) {
    for (const [placed, problem] of checkHierarchy(structure.placed)) diagnostics.push(elementProblem(placed, problem));
  }
  diagnostics.sort((a, b) => (a.location.segmentPosition ?? 0) - (b.location.segmentPosition ?? 0));
  return { tree: structure.tree, diagnostics };
}

/** HL01 numbers each level once; HL02 names a level already given, its parent. */
function checkHierarchy(placed: readonly PlacedSegment[]): [PlacedSegment, ElementProblem][] {
  const seen = new Set<string>();
  const problems: [PlacedSegment, ElementProblem][] = [];
  for (const entry of placed) {
    if (entry.node.tag !== 'HL') continue;
    const id = entry.node.segment.elements[1] ?? '';
    const parent = entry.node.segment.elements[2] ?? '';
    if (id !== '' && seen.has(id)) {
      problems.push([entry, { code: ElementError.invalidCodeValue, element: 1, ref: '628', message: `HL01, the hierarchical ID number, is "${id}" again; each level must have its own number.`, data: id }]);
    }
    if (parent !== '' && !seen.has(parent)) {
      problems.push([entry, { code: ElementError.invalidCodeValue, element: 2, ref: '734', message: `HL02, the hierarchical parent ID number, is "${parent}", but no HL before it has that HL01.`, data: parent }]);
    }
    if (id !== '') seen.add(id);
  }
  return problems;
}

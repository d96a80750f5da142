import { elementDiagnostic, type Diagnostic, type DiagnosticLocation, type ElementProblem } from '../../diagnostic.js';
import { ElementError } from '../codes.js';
import type { TransactionSet } from '../envelope-reader.js';
import type { X12Delimiters } from '../segment.js';
import type { LoopNode, SegmentNode } from '../tree.js';
import { checkElements } from './check-elements.js';
import type { CompiledSegment, CompiledSet } from './compiled-spec.js';
import { matchStructure } from './match-structure.js';
import { plainlyValid } from './skim-program.js';

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
  const elementProblem = (node: SegmentNode, problem: ElementProblem): Diagnostic =>
    elementDiagnostic(elementList, where(node.segment.offset, node.position, node.tag, node.loop), problem);
  const options = { component: delimiters.component, repetition: delimiters.repetition, version5010 };
  const { placed, definitions } = structure;
  for (let index = 0; index < placed.length; index += 1) {
    const node = placed[index] as SegmentNode;
    const definition = definitions[index] as CompiledSegment;
    if (plainlyValid(compiled, definition, node.segment.text, delimiters)) continue;
    for (const problem of checkElements(node.segment, definition, options)) diagnostics.push(elementProblem(node, problem));
  }
  if (compiled.hierarchical) {
    for (const [placed, problem] of checkHierarchy(structure.placed)) diagnostics.push(elementProblem(placed, problem));
  }
  diagnostics.sort((a, b) => (a.location.segmentPosition ?? 0) - (b.location.segmentPosition ?? 0));
  return { tree: structure.tree, diagnostics };
}

/** HL01 numbers each level once; HL02 names a level already given, its parent. */
function checkHierarchy(placed: readonly SegmentNode[]): [SegmentNode, ElementProblem][] {
  const problems: [SegmentNode, ElementProblem][] = [];
  // Levels are nearly always numbered 1, 2, 3 … in order. While they are, a level is known by being at most
  // the count so far, and the numbers need not be kept; the first level out of that order starts keeping them.
  let inOrder = 0;
  let seen: Set<string> | undefined;
  for (const entry of placed) {
    if (entry.tag !== 'HL') continue;
    const id = entry.segment.elementAt(1);
    const parent = entry.segment.elementAt(2);
    if (!seen && counting(id) === inOrder + 1) {
      const parentNumber = counting(parent);
      if (parent !== '' && !(parentNumber >= 1 && parentNumber <= inOrder)) problems.push([entry, unknownParent(parent)]);
      inOrder += 1;
      continue;
    }
    seen ??= new Set(Array.from({ length: inOrder }, (_, index) => String(index + 1)));
    if (id !== '' && seen.has(id)) {
      problems.push([entry, { code: ElementError.invalidCodeValue, element: 1, ref: '628', message: `HL01, the hierarchical ID number, is "${id}" again; each level must have its own number.`, data: id }]);
    }
    if (parent !== '' && !seen.has(parent)) problems.push([entry, unknownParent(parent)]);
    if (id !== '') seen.add(id);
  }
  return problems;
}

function unknownParent(parent: string): ElementProblem {
  return { code: ElementError.invalidCodeValue, element: 2, ref: '734', message: `HL02, the hierarchical parent ID number, is "${parent}", but no HL before it has that HL01.`, data: parent };
}

/** A number as counting writes it (1, 2, … 999999999, no leading zero), or -1 for any other text. */
function counting(text: string): number {
  if (text.length === 0 || text.length > 9 || text.charCodeAt(0) === 0x30) return -1;
  let value = 0;
  for (let index = 0; index < text.length; index += 1) {
    const digit = text.charCodeAt(index) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

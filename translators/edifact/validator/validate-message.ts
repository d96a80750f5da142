import { elementDiagnostic, type Diagnostic, type DiagnosticLocation, type ElementProblem } from '../../diagnostic.js';
import { matchStructure, type StructureProblem, type StructureResult } from '../../structure/match-structure.js';
import { SyntaxError } from '../codes.js';
import type { Message } from '../envelope-reader.js';
import type { EdifactSegment } from '../segment.js';
import { EdifactLoopNode, EdifactSegmentNode } from '../tree.js';
import { checkElements } from './check-elements.js';
import type { CompiledEdifactSegment, CompiledMessage } from './compiled-message.js';
import { plainlyValid } from './skim-program.js';

// One message against its compiled spec: segments placed in the message's segment groups (which builds
// the tree the maps read), then every placed segment's data elements. UNH and UNT are the envelope's: the
// reader has checked them already.

export interface ValidatedMessage {
  readonly tree: EdifactLoopNode;
  readonly diagnostics: readonly Diagnostic[];
}

const EDIFACT_SEGMENTS = {
  wellFormed: (tag: string) => /^[A-Z][A-Z0-9]{2}$/.test(tag),
  // A missing UNT is the envelope's finding, reported once there.
  trailer: 'UNT',
};

/** The message's segments placed in its segment groups: the tree the maps read, and what could not be placed. */
export function placeSegments(message: Message, compiled: CompiledMessage): StructureResult<EdifactSegment, CompiledEdifactSegment, EdifactLoopNode, EdifactSegmentNode> {
  return matchStructure(compiled.root, compiled.tags, message.segments, EDIFACT_SEGMENTS, {
    loop: (id) => new EdifactLoopNode(id),
    segment: (segment, position, loop) => new EdifactSegmentNode(segment, position, loop),
  });
}

export function validateMessage(message: Message, compiled: CompiledMessage): ValidatedMessage {
  const structure = placeSegments(message, compiled);
  const diagnostics: Diagnostic[] = [];
  const where = (offset: number, position: number, tag: string, loop: string): DiagnosticLocation => ({
    offset,
    interchange: message.interchange,
    ...(message.group !== undefined ? { group: message.group } : {}),
    set: message.reference,
    segmentPosition: position,
    segment: tag,
    ...(loop ? { loop } : {}),
  });
  const lastOffset = message.segments.at(-1)?.offset ?? 0;
  for (const problem of structure.problems) {
    const { code, text } = describe(problem, compiled);
    diagnostics.push({ level: 'segment', severity: 'error', codeList: '0085', code, message: text, location: where(problem.segment?.offset ?? lastOffset, problem.position, problem.tag, problem.loop) });
  }
  const elementProblem = (node: EdifactSegmentNode, problem: ElementProblem): Diagnostic =>
    elementDiagnostic('0085', where(node.segment.offset, node.position, node.tag, node.loop), problem);
  structure.placed.forEach((node, index) => {
    if (node.tag === 'UNH' || node.tag === 'UNT') return;
    const definition = structure.definitions[index] as CompiledEdifactSegment;
    // Most segments of a message with a fault elsewhere have none: the native check settles them.
    if (plainlyValid(compiled, definition, node.segment.text, node.segment.delimiters)) return;
    for (const problem of checkElements(node.segment, definition)) diagnostics.push(elementProblem(node, problem));
  });
  diagnostics.sort((a, b) => (a.location.segmentPosition ?? 0) - (b.location.segmentPosition ?? 0));
  return { tree: structure.tree, diagnostics };
}

function describe(problem: StructureProblem<EdifactSegment>, compiled: CompiledMessage): { code: string; text: string } {
  const { tag, loop, slot } = problem;
  const inGroup = loop ? ` in segment group ${loop}` : '';
  const message = `${compiled.spec.type} (${compiled.spec.directory})`;
  switch (problem.kind) {
    case 'missing':
      return slot?.kind === 'loop'
        ? { code: SyntaxError.missing, text: `Segment group ${slot.id} is required but missing; it starts with ${tag}.` }
        : { code: SyntaxError.missing, text: `${tag}, the ${((slot?.segment as CompiledEdifactSegment).name).toLowerCase()} segment, is required${inGroup} but missing.` };
    case 'outOfSequence':
      return { code: SyntaxError.notSupportedInPosition, text: `${tag} is out of order here${inGroup}; message ${message} allows it only elsewhere.` };
    case 'notInStructure':
      return { code: SyntaxError.notSupportedInPosition, text: `${tag} is not a segment of message ${message}.` };
    case 'unrecognized':
      return { code: SyntaxError.notSupportedInPosition, text: `"${tag}" is not a segment tag (three capital letters or digits).` };
    case 'segmentOverMaximum': {
      const max = slot?.max ?? 0;
      return { code: SyntaxError.tooManyRepetitions, text: `${tag} appears more than the ${max} time${max === 1 ? '' : 's'} allowed${loop ? ` in one repeat of segment group ${loop}` : ''}.` };
    }
    case 'loopOverMaximum':
      return { code: SyntaxError.tooManySegmentGroupRepetitions, text: `Segment group ${loop} repeats more than the ${slot?.max ?? 0} times allowed.` };
    case 'notUsed':
      return { code: SyntaxError.notSupportedInPosition, text: slot?.kind === 'loop' ? `Segment group ${loop} is not used in this partner's guide.` : `${tag} is not used in this partner's guide.` };
  }
}

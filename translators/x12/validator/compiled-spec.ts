import { lookups } from '../../structure/match-structure.js';
import { applyOverlay, type GuideOverlay } from '../../guide-overlay.js';
import type { ElementType, ElementUse, Requirement, Slot, TransactionSetSpec, X12Dictionary } from '../specs/spec-types.js';

// A transaction set's spec resolved once into what the validator walks: every slot knows its address and
// its segment's element definitions, with the partner's overlay already applied.

export interface SyntaxRule {
  /** P paired, R at least one, E at most one, C if first then all, L if first then at least one more. */
  readonly kind: 'P' | 'R' | 'E' | 'C' | 'L';
  /** 1-based positions, as the note writes them. */
  readonly positions: readonly number[];
  readonly text: string;
}

export interface CompiledSimple {
  readonly type: ElementType;
  readonly min: number;
  readonly max: number;
  readonly codes: ReadonlySet<string> | undefined;
  /** The codes were narrowed by the partner's guide, not the standard. */
  readonly codesFromGuide: boolean;
}

export interface CompiledElement {
  readonly position: number;
  readonly ref: string;
  readonly name: string;
  /** The name as it reads inside a sentence: 'purchase order number'. */
  readonly description: string;
  readonly requirement: Requirement;
  readonly repeat: number;
  readonly notUsed: boolean;
  /** Made mandatory by the partner's guide rather than the standard. */
  readonly requiredByGuide: boolean;
  readonly simple?: CompiledSimple;
  readonly components?: readonly CompiledElement[];
  readonly rules: readonly SyntaxRule[];
}

export interface CompiledSegment {
  readonly tag: string;
  readonly name: string;
  readonly elements: readonly CompiledElement[];
  readonly rules: readonly SyntaxRule[];
}

export interface CompiledSegmentSlot {
  readonly kind: 'segment';
  readonly tag: string;
  readonly address: string;
  readonly requirement: 'M' | 'O';
  readonly max: number;
  readonly notUsed: boolean;
  readonly segment: CompiledSegment;
}

export interface CompiledLoop {
  readonly kind: 'loop';
  readonly id: string;
  readonly address: string;
  readonly requirement: 'M' | 'O';
  readonly max: number;
  readonly notUsed: boolean;
  /** The tag of the segment that starts each repeat. */
  readonly trigger: string;
  readonly body: readonly CompiledSlot[];
  /** For each slot of the body, the tag that fills it: its segment's, or its loop's trigger. */
  readonly triggers: readonly string[];
  /** For each index of the body and one past it, the first mandatory slot from there (body.length when none). */
  readonly mandatoryFrom: readonly number[];
}

export type CompiledSlot = CompiledSegmentSlot | CompiledLoop;

export interface CompiledSet {
  readonly spec: TransactionSetSpec;
  readonly dictionary: X12Dictionary;
  /** The whole set as a loop without a trigger, ST to SE. */
  readonly root: CompiledLoop;
  /** Every tag the set uses somewhere: a known tag in the wrong place is out of sequence, not foreign. */
  readonly tags: ReadonlySet<string>;
  /** The set uses the HL hierarchy (856), whose parent references are checked. */
  readonly hierarchical: boolean;
}

export function compileSet(spec: TransactionSetSpec, dictionary: X12Dictionary, overlay: GuideOverlay = {}): CompiledSet {
  const guide = applyOverlay(overlay, spec.id);
  const tags = new Set<string>();

  function compileBody(slots: readonly Slot[], path: string): CompiledSlot[] {
    return slots.map((slot) => {
      if (slot.kind === 'segment') {
        const address = path ? `${path}/${slot.tag}` : slot.tag;
        tags.add(slot.tag);
        return { kind: 'segment', tag: slot.tag, address, ...guide.slot('segments', address, slot), segment: compileSegment(slot.tag, address) };
      }
      const address = path ? `${path}/${slot.id}` : slot.id;
      const first = slot.body[0];
      if (first?.kind !== 'segment') throw new Error(`Spec error: loop ${address} of ${spec.id} must start with a segment.`);
      const body = compileBody(slot.body, address);
      return { kind: 'loop', id: slot.id, address, trigger: first.tag, ...guide.slot('loops', address, slot), body, ...lookups(body) };
    });
  }

  function compileSegment(tag: string, address: string): CompiledSegment {
    const definition = dictionary.segments[tag];
    if (!definition) throw new Error(`Spec error: ${spec.version} ${spec.id} uses segment ${tag}, which its dictionary does not define.`);
    return {
      tag,
      name: definition.name,
      elements: definition.elements.map((use, index) => compileElement(use, index + 1, tag, address, `${pad(index + 1)}`)),
      rules: definition.rules.map((text) => parseRule(text, tag)),
    };
  }

  function compileElement(use: ElementUse, position: number, tag: string, address: string, suffix: string): CompiledElement {
    const compositeDef = dictionary.composites[use.ref];
    if (compositeDef) {
      return {
        position,
        ref: use.ref,
        repeat: use.repeat,
        ...guide.composite(tag, address, suffix, use.requirement),
        name: compositeDef.name,
        description: describe(compositeDef.name),
        components: compositeDef.components.map((component, index) => compileElement(component, index + 1, tag, address, `${suffix}-${index + 1}`)),
        rules: (compositeDef.rules ?? []).map((text) => parseRule(text, use.ref)),
      };
    }
    const simple = dictionary.elements[use.ref];
    if (!simple) throw new Error(`Spec error: ${spec.version} segment ${tag} uses element ${use.ref}, which its dictionary does not define.`);
    const { requirement, notUsed, requiredByGuide, codesFromGuide, codes, min, max } = guide.element(tag, address, suffix, {
      requirement: use.requirement,
      min: simple.min,
      max: simple.max,
      codes: simple.codes ? new Set(simple.codes) : undefined,
    });
    return { position, ref: use.ref, repeat: use.repeat, requirement, notUsed, requiredByGuide, name: simple.name, description: describe(simple.name), simple: { type: simple.type, min, max, codes, codesFromGuide }, rules: [] };
  }

  const body = compileBody(spec.body, '');
  guide.check(`transaction set ${spec.id} ${spec.version}`);
  return {
    spec,
    dictionary,
    root: { kind: 'loop', id: '', address: '', requirement: 'M', max: 1, notUsed: false, trigger: 'ST', body, ...lookups(body) },
    tags,
    hierarchical: body.some((slot) => slot.kind === 'loop' && slot.id === 'HL'),
  };
}

/** 'Beginning Segment for Purchase Order' -> 'beginning segment for purchase order'; acronyms kept. */
export function describe(name: string): string {
  return name.replace(/\b([A-Z])([a-z]+)/g, (_, first: string, rest: string) => first.toLowerCase() + rest);
}

function parseRule(text: string, owner: string): SyntaxRule {
  const match = /^([PRECL])((?:\d\d){2,})$/.exec(text);
  if (!match) throw new Error(`Spec error: syntax note "${text}" of ${owner} is not like P0102.`);
  const positions = (match[2] as string).match(/\d\d/g)?.map(Number) ?? [];
  return { kind: match[1] as SyntaxRule['kind'], positions, text };
}

function pad(position: number): string {
  return String(position).padStart(2, '0');
}

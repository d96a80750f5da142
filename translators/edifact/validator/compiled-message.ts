import { applyOverlay, type GuideOverlay } from '../../guide-overlay.js';
import { lookups, type StructureLoop, type StructureSlot } from '../../structure/match-structure.js';
import type { EdifactDictionary, ElementFormat, ElementUse, MessageSpec, Slot, Status } from '../specs/spec-types.js';

// A message's spec resolved once into what the validator walks: segment groups as loops of the shared
// structure matcher, every segment with its element definitions, the partner's overlay already applied.

export interface CompiledSimpleElement {
  readonly type: ElementFormat['type'];
  readonly min: number;
  readonly max: number;
  readonly codes: ReadonlySet<string> | undefined;
}

export interface CompiledEdifactElement {
  /** 1-based position in its segment or composite. */
  readonly position: number;
  /** '1004', 'C002'. */
  readonly ref: string;
  readonly name: string;
  readonly requirement: Status | 'M';
  /** Occurrences allowed (syntax version 4 repetition). */
  readonly repeat: number;
  readonly notUsed: boolean;
  readonly simple?: CompiledSimpleElement;
  readonly components?: readonly CompiledEdifactElement[];
}

export interface CompiledEdifactSegment {
  readonly tag: string;
  readonly name: string;
  readonly elements: readonly CompiledEdifactElement[];
}

export interface CompiledMessage {
  readonly spec: MessageSpec;
  /** The whole message as a loop without a trigger, UNH to UNT. */
  readonly root: StructureLoop<CompiledEdifactSegment>;
  /** Every tag the message uses somewhere: a known tag in the wrong place is out of sequence, not foreign. */
  readonly tags: ReadonlySet<string>;
}

export function compileMessage(spec: MessageSpec, dictionary: EdifactDictionary, overlay: GuideOverlay = {}): CompiledMessage {
  const guide = applyOverlay(overlay, spec.type);
  const tags = new Set<string>();
  const requirement = (status: Status) => (status === 'M' ? 'M' : 'O');

  function compileBody(slots: readonly Slot[], path: string): StructureSlot<CompiledEdifactSegment>[] {
    return slots.map((slot) => {
      if (slot.kind === 'segment') {
        const address = path ? `${path}/${slot.tag}` : slot.tag;
        tags.add(slot.tag);
        return { kind: 'segment', tag: slot.tag, ...guide.slot('segments', address, { requirement: requirement(slot.status), max: slot.max }), segment: compileSegment(slot.tag, address) };
      }
      const address = path ? `${path}/${slot.id}` : slot.id;
      const first = slot.body[0];
      if (first?.kind !== 'segment') throw new Error(`Spec error: segment group ${address} of ${spec.type} must start with a segment.`);
      const body = compileBody(slot.body, address);
      return { kind: 'loop', id: slot.id, trigger: first.tag, ...guide.slot('loops', address, { requirement: requirement(slot.status), max: slot.max }), body, ...lookups(body) };
    });
  }

  function compileSegment(tag: string, address: string): CompiledEdifactSegment {
    const definition = dictionary.segments[tag];
    if (!definition) throw new Error(`Spec error: ${spec.directory} ${spec.type} uses segment ${tag}, which its dictionary does not define.`);
    return { tag, name: definition.name, elements: definition.elements.map((use, index) => compileElement(use, index + 1, tag, address, pad(index + 1))) };
  }

  function compileElement(use: ElementUse, position: number, tag: string, address: string, suffix: string): CompiledEdifactElement {
    const compositeDef = dictionary.composites[use.ref];
    if (compositeDef) {
      const { requirement, notUsed } = guide.composite(tag, address, suffix, use.status);
      return {
        position,
        ref: use.ref,
        name: compositeDef.name,
        requirement,
        repeat: use.repeat,
        notUsed,
        components: compositeDef.components.map((component, index) => compileElement(component, index + 1, tag, address, `${suffix}-${index + 1}`)),
      };
    }
    const simple = dictionary.elements[use.ref];
    if (!simple) throw new Error(`Spec error: ${spec.directory} segment ${tag} uses element ${use.ref}, which its dictionary does not define.`);
    const { requirement, notUsed, codes, min, max } = guide.element(tag, address, suffix, {
      requirement: use.status,
      min: simple.format.min,
      max: simple.format.max,
      codes: simple.codes ? new Set(simple.codes) : undefined,
    });
    return { position, ref: use.ref, name: simple.name, requirement, repeat: use.repeat, notUsed, simple: { type: simple.format.type, min, max, codes } };
  }

  const body = compileBody(spec.body, '');
  guide.check(`message ${spec.type} ${spec.directory}`);
  return { spec, root: { kind: 'loop', id: '', requirement: 'M', max: 1, notUsed: false, trigger: 'UNH', body, ...lookups(body) }, tags };
}

function pad(position: number): string {
  return String(position).padStart(2, '0');
}

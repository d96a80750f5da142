import { GuideOverlayError, type ElementOverlay, type GuideOverlay, type SlotOverlay } from '../specs/guide-overlay.js';
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
  const problems: string[] = [];
  const used = { loops: new Set<string>(), segments: new Set<string>(), elements: new Set<string>() };
  const tags = new Set<string>();

  function slotOverlay(kind: 'loops' | 'segments', address: string, standard: { requirement: 'M' | 'O'; max: number }): Required<Pick<SlotOverlay, 'notUsed'>> & { requirement: 'M' | 'O'; max: number } {
    const change = overlay[kind]?.[address];
    if (!change) return { ...standard, notUsed: false };
    used[kind].add(address);
    if (change.max !== undefined && !(Number.isInteger(change.max) && change.max >= 1 && change.max <= standard.max)) {
      problems.push(`${address} may repeat at most ${standard.max} times in the standard; the guide's maximum ${change.max} must be a whole number from 1 to that.`);
    }
    if (change.notUsed && standard.requirement === 'M') problems.push(`${address} is mandatory in the standard and cannot be marked not used.`);
    return { requirement: change.requirement ?? standard.requirement, max: change.max ?? standard.max, notUsed: change.notUsed ?? false };
  }

  function compileBody(slots: readonly Slot[], path: string): CompiledSlot[] {
    return slots.map((slot) => {
      if (slot.kind === 'segment') {
        const address = path ? `${path}/${slot.tag}` : slot.tag;
        tags.add(slot.tag);
        return { kind: 'segment', tag: slot.tag, address, ...slotOverlay('segments', address, slot), segment: compileSegment(slot.tag, address) };
      }
      const address = path ? `${path}/${slot.id}` : slot.id;
      const first = slot.body[0];
      if (first?.kind !== 'segment') throw new Error(`Spec error: loop ${address} of ${spec.id} must start with a segment.`);
      const body = compileBody(slot.body, address);
      return { kind: 'loop', id: slot.id, address, trigger: first.tag, ...slotOverlay('loops', address, slot), body, ...lookups(body) };
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
    const change = elementOverlay(tag, address, suffix);
    const common = {
      position,
      ref: use.ref,
      requirement: change?.requirement ?? use.requirement,
      repeat: use.repeat,
      notUsed: change?.notUsed ?? false,
      requiredByGuide: change?.requirement === 'M' && use.requirement !== 'M',
    };
    if (change?.notUsed && use.requirement === 'M') problems.push(`${tag}${suffix} is mandatory in the standard and cannot be marked not used.`);
    const compositeDef = dictionary.composites[use.ref];
    if (compositeDef) {
      return {
        ...common,
        name: compositeDef.name,
        description: describe(compositeDef.name),
        components: compositeDef.components.map((component, index) => compileElement(component, index + 1, tag, address, `${suffix}-${index + 1}`)),
        rules: (compositeDef.rules ?? []).map((text) => parseRule(text, use.ref)),
      };
    }
    const simple = dictionary.elements[use.ref];
    if (!simple) throw new Error(`Spec error: ${spec.version} segment ${tag} uses element ${use.ref}, which its dictionary does not define.`);
    let codes = simple.codes ? new Set(simple.codes) : undefined;
    if (change?.codes) {
      const outside = codes ? change.codes.filter((code) => !codes?.has(code)) : [];
      if (outside.length > 0) problems.push(`${tag}${suffix} codes ${outside.map((code) => `"${code}"`).join(', ')} are not in the standard's list for element ${use.ref}.`);
      codes = new Set(change.codes);
    }
    const min = change?.min ?? simple.min;
    const max = change?.max ?? simple.max;
    if (min < simple.min || max > simple.max || min > max) {
      problems.push(`${tag}${suffix} lengths ${min} to ${max} do not fit inside the standard's ${simple.min} to ${simple.max}.`);
    }
    return { ...common, name: simple.name, description: describe(simple.name), simple: { type: simple.type, min, max, codes, codesFromGuide: change?.codes !== undefined }, rules: [] };
  }

  function elementOverlay(tag: string, address: string, suffix: string): ElementOverlay | undefined {
    const exact = `${address}${suffix}`;
    const anywhere = `${tag}${suffix}`;
    const elements = overlay.elements ?? {};
    if (elements[exact]) used.elements.add(exact);
    if (elements[anywhere]) used.elements.add(anywhere);
    return elements[exact] ?? elements[anywhere];
  }

  const body = compileBody(spec.body, '');
  for (const kind of ['loops', 'segments', 'elements'] as const) {
    for (const address of Object.keys(overlay[kind] ?? {})) {
      if (!used[kind].has(address)) problems.push(`${kind === 'loops' ? 'Loop' : kind === 'segments' ? 'Segment' : 'Element'} ${address} is not in transaction set ${spec.id} ${spec.version}.`);
    }
  }
  if (problems.length > 0) throw new GuideOverlayError(spec.id, problems);
  return {
    spec,
    dictionary,
    root: { kind: 'loop', id: '', address: '', requirement: 'M', max: 1, notUsed: false, trigger: 'ST', body, ...lookups(body) },
    tags,
    hierarchical: body.some((slot) => slot.kind === 'loop' && slot.id === 'HL'),
  };
}

/** What the structure matcher looks up for every segment, worked out once. */
function lookups(body: readonly CompiledSlot[]): Pick<CompiledLoop, 'triggers' | 'mandatoryFrom'> {
  const mandatoryFrom = new Array<number>(body.length + 1).fill(body.length);
  for (let index = body.length - 1; index >= 0; index -= 1) {
    mandatoryFrom[index] = body[index]?.requirement === 'M' ? index : (mandatoryFrom[index + 1] as number);
  }
  return { triggers: body.map((slot) => (slot.kind === 'segment' ? slot.tag : slot.trigger)), mandatoryFrom };
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

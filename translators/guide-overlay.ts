// A partner's implementation guide, as tightenings of the standard's definition: a segment or loop made
// mandatory, marked not used or capped at fewer repeats; an element made mandatory, marked not used,
// shortened, or limited to some of its codes. An overlay can only tighten: loosening the standard would
// let through documents the partner's own systems reject.

export interface SlotOverlay {
  readonly requirement?: 'M';
  readonly max?: number;
  /** The guide says "not used": the segment or loop must not appear. */
  readonly notUsed?: boolean;
}

export interface ElementOverlay {
  readonly requirement?: 'M';
  readonly notUsed?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** The codes this partner uses, a subset of the standard's list. */
  readonly codes?: readonly string[];
}

/**
 * Addresses name loops (segment groups) by their ids from the top of the set or message ('N1', 'PO1/PID',
 * 'SG10/SG11'), segments by their loop path and tag ('BEG', 'N1/N3', 'SG2/NAD'), and elements by a segment
 * address and the element's two-digit position ('BEG05', 'PO1/N1/N104', 'SG2/NAD03'), a component after a
 * dash ('PO1/PO103-1', 'BGM01-1'). An element address without a loop path ('REF02') applies to that segment
 * wherever it appears. X12 and EDIFACT guides are written alike.
 */
export interface GuideOverlay {
  readonly loops?: Readonly<Record<string, SlotOverlay>>;
  readonly segments?: Readonly<Record<string, SlotOverlay>>;
  readonly elements?: Readonly<Record<string, ElementOverlay>>;
}

/** An overlay that names nothing in the set, or loosens the standard. */
export class GuideOverlayError extends Error {
  readonly code = 'GUIDE_OVERLAY_INVALID';

  constructor(
    /** The transaction set or message type. */
    readonly setId: string,
    readonly problems: readonly string[],
  ) {
    super(`The implementation guide overlay for ${setId} cannot be used: ${problems.join(' ')}`);
    this.name = 'GuideOverlayError';
  }
}

/** A slot as the standard defines it, and as the guide leaves it. */
export interface SlotUse {
  readonly requirement: 'M' | 'O';
  readonly max: number;
  readonly notUsed: boolean;
}

/** A simple element's limits as the standard defines them, and as the guide leaves them. */
export interface ElementLimits<R extends string> {
  /** The standard's own requirement values: X12 has X (conditional) beside M and O, EDIFACT M and C. */
  readonly requirement: R;
  readonly min: number;
  readonly max: number;
  readonly codes: ReadonlySet<string> | undefined;
}

export interface ElementUseByGuide<R extends string> extends ElementLimits<R | 'M'> {
  readonly notUsed: boolean;
  /** Made mandatory by the guide rather than the standard. */
  readonly requiredByGuide: boolean;
  /** The codes were narrowed by the guide, not the standard. */
  readonly codesFromGuide: boolean;
}

/**
 * Applies an overlay while a set or message is compiled: each slot and element asks for its own part, and
 * `check` then throws for anything the overlay loosens or names that does not exist, all problems at once.
 */
export function applyOverlay(overlay: GuideOverlay, setId: string) {
  const problems: string[] = [];
  const used = { loops: new Set<string>(), segments: new Set<string>(), elements: new Set<string>() };

  const elementChange = (tag: string, address: string, suffix: string): ElementOverlay | undefined => {
    const exact = `${address}${suffix}`;
    const anywhere = `${tag}${suffix}`;
    const elements = overlay.elements ?? {};
    if (elements[exact]) used.elements.add(exact);
    if (elements[anywhere]) used.elements.add(anywhere);
    return elements[exact] ?? elements[anywhere];
  };

  return {
    slot(kind: 'loops' | 'segments', address: string, standard: { readonly requirement: 'M' | 'O'; readonly max: number }): SlotUse {
      const change = overlay[kind]?.[address];
      if (!change) return { requirement: standard.requirement, max: standard.max, notUsed: false };
      used[kind].add(address);
      if (change.max !== undefined && !(Number.isInteger(change.max) && change.max >= 1 && change.max <= standard.max)) {
        problems.push(`${address} may repeat at most ${standard.max} times in the standard; the guide's maximum ${change.max} must be a whole number from 1 to that.`);
      }
      if (change.notUsed && standard.requirement === 'M') problems.push(`${address} is mandatory in the standard and cannot be marked not used.`);
      return { requirement: change.requirement ?? standard.requirement, max: change.max ?? standard.max, notUsed: change.notUsed ?? false };
    },

    /** `suffix` is the element's two-digit position, with '-' and the component's for a component: '03', '01-2'. */
    element<R extends string>(tag: string, address: string, suffix: string, standard: ElementLimits<R>): ElementUseByGuide<R> {
      const change = elementChange(tag, address, suffix);
      if (change?.notUsed && standard.requirement === 'M') problems.push(`${tag}${suffix} is mandatory in the standard and cannot be marked not used.`);
      let codes = standard.codes;
      if (change?.codes) {
        const outside = codes ? change.codes.filter((code) => !codes?.has(code)) : [];
        if (outside.length > 0) problems.push(`${tag}${suffix} codes ${outside.map((code) => `"${code}"`).join(', ')} are not in the standard's list for this element.`);
        codes = new Set(change.codes);
      }
      const min = change?.min ?? standard.min;
      const max = change?.max ?? standard.max;
      if (min < standard.min || max > standard.max || min > max) problems.push(`${tag}${suffix} lengths ${min} to ${max} do not fit inside the standard's ${standard.min} to ${standard.max}.`);
      return {
        requirement: change?.requirement ?? standard.requirement,
        min,
        max,
        codes,
        notUsed: change?.notUsed ?? false,
        requiredByGuide: change?.requirement === 'M' && standard.requirement !== 'M',
        codesFromGuide: change?.codes !== undefined,
      };
    },

    /** A composite's own part: only whether it is required or not used. */
    composite<R extends string>(tag: string, address: string, suffix: string, requirement: R): Pick<ElementUseByGuide<R>, 'requirement' | 'notUsed' | 'requiredByGuide'> {
      const change = elementChange(tag, address, suffix);
      if (change?.notUsed && requirement === 'M') problems.push(`${tag}${suffix} is mandatory in the standard and cannot be marked not used.`);
      return { requirement: change?.requirement ?? requirement, notUsed: change?.notUsed ?? false, requiredByGuide: change?.requirement === 'M' && requirement !== 'M' };
    },

    /** Throws GuideOverlayError when the overlay loosened something or named what the set does not have. */
    check(container: string): void {
      for (const kind of ['loops', 'segments', 'elements'] as const) {
        for (const address of Object.keys(overlay[kind] ?? {})) {
          if (!used[kind].has(address)) problems.push(`${kind === 'loops' ? 'Loop' : kind === 'segments' ? 'Segment' : 'Element'} ${address} is not in ${container}.`);
        }
      }
      if (problems.length > 0) throw new GuideOverlayError(setId, problems);
    },
  };
}

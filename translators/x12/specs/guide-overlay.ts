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
 * Addresses name loops by their ids from the top of the set ('N1', 'PO1/PID', 'HL'), segments by their loop
 * path and tag ('BEG', 'N1/N3', 'PO1/PID/PID'), and elements by a segment address and the element's two-digit
 * position ('BEG05', 'PO1/N1/N104'), a component after a dash ('PO1/PO103-1'). An element address without a
 * loop path ('REF02') applies to that segment wherever it appears.
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
    readonly setId: string,
    readonly problems: readonly string[],
  ) {
    super(`The implementation guide overlay for ${setId} cannot be used: ${problems.join(' ')}`);
    this.name = 'GuideOverlayError';
  }
}

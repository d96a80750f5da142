// The control numbers seen in one envelope, to find one used twice. Senders nearly always count their
// numbers up one by one: such a run is kept as its first and last number, so that a group of a million
// sets holds a few numbers, not a million strings. Any other number is kept as it is.

/** Runs kept as ranges; numbers out of order beyond these go to the set. */
const MAX_RANGES = 16;

export class SeenControlNumbers {
  /** [first, last] pairs of keys. */
  private readonly ranges: number[] = [];
  private readonly others = new Set<string | number>();

  /** Adds the control number; false when it was seen already. */
  add(value: string): boolean {
    const key = numericKey(value);
    if (key === undefined) {
      if (this.others.has(value)) return false;
      this.others.add(value);
      return true;
    }
    const ranges = this.ranges;
    for (let index = 0; index < ranges.length; index += 2) {
      if (key >= (ranges[index] as number) && key <= (ranges[index + 1] as number)) return false;
    }
    if (this.others.has(key)) return false;
    if (ranges.length > 0 && key === (ranges[ranges.length - 1] as number) + 1) ranges[ranges.length - 1] = key;
    else if (ranges.length < 2 * MAX_RANGES) ranges.push(key, key);
    else this.others.add(key);
    return true;
  }
}

/**
 * Digits only, at most 9 of them, as one number that keeps their count: "0042" and "42" are different
 * control numbers. undefined for anything else.
 */
function numericKey(value: string): number | undefined {
  if (value.length === 0 || value.length > 9) return undefined;
  let number = 0;
  for (let index = 0; index < value.length; index += 1) {
    const digit = value.charCodeAt(index) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    number = number * 10 + digit;
  }
  return value.length * 1e9 + number;
}

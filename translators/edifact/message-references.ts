// The message references (UNH 0062) an interchange has used, to find one used twice. Senders nearly always
// number messages 1, 2, 3 … in order: while they do, a reference is known by being at most the count so
// far, and none needs keeping; the first one out of that order starts keeping them.

export class MessageReferences {
  private inOrder = 0;
  private seen: Set<string> | undefined;

  /** Adds a reference; false when the interchange has used it already. */
  add(reference: string): boolean {
    if (!this.seen) {
      const number = counting(reference);
      if (number === this.inOrder + 1) {
        this.inOrder = number;
        return true;
      }
      this.seen = new Set(Array.from({ length: this.inOrder }, (_, index) => String(index + 1)));
    }
    if (this.seen.has(reference)) return false;
    this.seen.add(reference);
    return true;
  }
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

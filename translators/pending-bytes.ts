// Bytes received and not yet read, for both standards' lexers, in one buffer that grows by doubling: a
// segment held over many small chunks costs time linear in its length.

export class PendingBytes {
  private buffer = Buffer.alloc(0);
  length = 0;
  /** Bytes already read are referred to from outside (see keep): they are not to be overwritten. */
  private kept = false;
  /** The bytes as latin1 text, made when first asked for since they last changed. */
  private decoded: string | undefined;

  /** `windowBytes`: how much the lexer appends at a time; a buffer grown well beyond it is given back. */
  constructor(private readonly windowBytes: number) {}

  append(bytes: Uint8Array, start: number, end: number): void {
    const size = end - start;
    if (this.length + size > this.buffer.length) this.resize(Math.max(2 * this.buffer.length, this.length + size), 0);
    this.buffer.set(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end), this.length);
    this.length += size;
    this.decoded = undefined;
  }

  /** Forgets the first `count` bytes; a buffer grown for a long segment is given back once that is read. */
  drop(count: number): void {
    if (count === 0) return;
    this.length -= count;
    if (this.kept || (this.buffer.length > 4 * this.windowBytes && this.length <= this.windowBytes)) this.resize(Math.max(2 * this.windowBytes, this.length), count);
    else this.buffer.copyWithin(0, count, count + this.length);
    this.kept = false;
    this.decoded = undefined;
  }

  /**
   * The bytes (valid up to `length`), which stay as they are after this read: what follows goes to a new
   * buffer. Sets and messages read by the fast path keep their bodies here, one buffer a read instead of a
   * copy a body.
   */
  keep(): Buffer {
    this.kept = true;
    return this.buffer;
  }

  at(index: number): number {
    return this.buffer[index] as number;
  }

  /**
   * The bytes as latin1 text (one character per byte, so offsets are byte offsets): one flat string, made
   * when first asked for, as searching a concatenation is slower. Sets and messages the fast path reads
   * never need it.
   */
  get text(): string {
    this.decoded ??= this.buffer.toString('latin1', 0, this.length);
    return this.decoded;
  }

  /**
   * Where the bytes of `text` (latin1) first come at or after `from`, or -1. A loop, not Buffer#indexOf:
   * what is searched is mostly a chunk's first few bytes, and the call would cost more than they do.
   */
  indexOf(text: string, from: number): number {
    const first = text.charCodeAt(0);
    for (let index = from; index + text.length <= this.length; index += 1) {
      if (this.buffer[index] !== first) continue;
      let matched = 1;
      while (matched < text.length && this.buffer[index + matched] === text.charCodeAt(matched)) matched += 1;
      if (matched === text.length) return index;
    }
    return -1;
  }

  private resize(size: number, from: number): void {
    const resized = Buffer.allocUnsafe(size);
    this.buffer.copy(resized, 0, from, from + this.length);
    this.buffer = resized;
  }
}

// Bytes received and not yet read, in one buffer that grows by doubling: a segment held over many small
// chunks costs time linear in its length.

export class PendingBytes {
  private buffer = Buffer.alloc(0);
  length = 0;
  /** Bytes already read are referred to from outside (see keep): they are not to be overwritten. */
  private kept = false;

  constructor(private readonly windowBytes: number) {}

  append(bytes: Uint8Array, start: number, end: number): void {
    const size = end - start;
    if (this.length + size > this.buffer.length) this.resize(Math.max(2 * this.buffer.length, this.length + size), 0);
    this.buffer.set(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end), this.length);
    this.length += size;
  }

  /** Forgets the first `count` bytes; a buffer grown for a long segment is given back once that is read. */
  drop(count: number): void {
    if (count === 0) return;
    this.length -= count;
    if (this.kept || (this.buffer.length > 4 * this.windowBytes && this.length <= this.windowBytes)) this.resize(Math.max(2 * this.windowBytes, this.length), count);
    else this.buffer.copyWithin(0, count, count + this.length);
    this.kept = false;
  }

  /**
   * The bytes (valid up to `length`), which stay as they are after this read: what follows goes to a new
   * buffer. Messages read by the fast path keep their bodies here, one buffer a read instead of a copy a message.
   */
  keep(): Buffer {
    this.kept = true;
    return this.buffer;
  }

  at(index: number): number {
    return this.buffer[index] as number;
  }

  latin1(): string {
    return this.buffer.toString('latin1', 0, this.length);
  }

  private resize(size: number, from: number): void {
    const resized = Buffer.allocUnsafe(size);
    this.buffer.copy(resized, 0, from, from + this.length);
    this.buffer = resized;
  }
}

// Which bytes of a file a client has read. SFTP clients read with several requests in flight and in any
// order, so "read to the end" means every byte was sent, not that the last read reached the end.

export interface ReadCoverage {
  add(offset: number, length: number): void;
  /** Every byte of a file of `size` bytes was read (for an empty file: it was read at all). */
  isComplete(): boolean;
}

export function createReadCoverage(size: number): ReadCoverage {
  /** Disjoint, sorted [start, end) ranges. */
  let ranges: [number, number][] = [];
  let readAtAll = false;
  return {
    add(offset, length) {
      readAtAll = true;
      const end = Math.min(offset + length, size);
      if (end <= offset) return;
      const merged: [number, number][] = [];
      let next: [number, number] = [offset, end];
      for (const range of ranges) {
        if (range[1] < next[0] || range[0] > next[1]) merged.push(range);
        else next = [Math.min(range[0], next[0]), Math.max(range[1], next[1])];
      }
      merged.push(next);
      ranges = merged.sort((a, b) => a[0] - b[0]);
    },
    isComplete() {
      if (size === 0) return readAtAll;
      const [first] = ranges;
      return ranges.length === 1 && first !== undefined && first[0] === 0 && first[1] === size;
    },
  };
}

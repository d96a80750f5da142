import fc from 'fast-check';
import type { TreeLoop, TreeSegment } from '../../translators/tree.js';

// What the X12 and EDIFACT fast-path tests share: the bytes fed in chunks, sets and messages written down so
// that the fast path's reading and the reference's compare as plain values, and random edits of a file.

/** Writes `bytes` in chunks of `chunkSizes` in turn, then ends. */
export function feed(reader: { write(chunk: Uint8Array): void; end(): void }, bytes: Buffer, chunkSizes: readonly number[]): void {
  let offset = 0;
  for (let index = 0; offset < bytes.length; index += 1) {
    const size = chunkSizes[index % chunkSizes.length] as number;
    reader.write(bytes.subarray(offset, offset + size));
    offset += size;
  }
  reader.end();
}

/** A set's or message's segments as offset, tag and text. */
export function describeSegments(segments: readonly { readonly offset: number; readonly tag: string; readonly text: string }[]): string[] {
  return segments.map((segment) => `${segment.offset}:${segment.tag}:${segment.text}`);
}

/** A tree as its loops and each segment's position and text. */
export function describeTree<N extends TreeSegment & { readonly segment: { readonly text: string } }>(tree: TreeLoop<N> | undefined): string | undefined {
  if (!tree) return undefined;
  const walk = (loop: TreeLoop<N>): unknown => ({ id: loop.id, children: loop.children.map((child) => (child.kind === 'loop' ? walk(child) : `${child.position}:${child.segment.text}`)) });
  return JSON.stringify(walk(tree));
}

/**
 * Checks `agree` on `text` with one to three random edits (bytes removed, `characters` inserted), read in
 * chunks of 1, 13 or 4096 bytes.
 */
export function checkMutations(text: string, characters: readonly string[], numRuns: number, agree: (mutated: Buffer, chunkSizes: readonly number[]) => void): void {
  const mutation = fc.record({ at: fc.nat({ max: text.length - 1 }), remove: fc.nat({ max: 3 }), insert: fc.array(fc.constantFrom(...characters), { maxLength: 4 }) });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom([1], [13], [4096]), (mutations, chunkSizes) => {
      let mutated = text;
      for (const { at, remove, insert } of mutations) mutated = mutated.slice(0, at) + insert.join('') + mutated.slice(at + remove);
      agree(Buffer.from(mutated, 'latin1'), chunkSizes);
    }),
    { numRuns },
  );
}

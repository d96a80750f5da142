// Which EDI standard a file is written in, from its first bytes alone. Pure: no I/O.

export type Standard = 'X12' | 'EDIFACT';

export type Identification =
  | { readonly standard: Standard; readonly offset: number }
  | { readonly standard: null; readonly code: 'FILE_EMPTY' | 'FILE_NOT_EDI'; readonly reason: string };

/** How many leading bytes identification needs: a BOM, white space, and the first segment tag. */
export const IDENTIFY_HEAD_BYTES = 512;

const BOM = [0xef, 0xbb, 0xbf];

/**
 * X12 starts with ISA, EDIFACT with UNA (service string advice) or UNB; a UTF-8 byte order mark and
 * leading white space are tolerated. `offset` is where the first segment starts.
 */
export function identifyStandard(head: Uint8Array): Identification {
  let offset = BOM.every((byte, index) => head[index] === byte) ? BOM.length : 0;
  while (offset < head.length && isWhiteSpace(head[offset] as number)) offset += 1;
  if (offset >= head.length) {
    return {
      standard: null,
      code: 'FILE_EMPTY',
      reason: head.length === 0 ? 'The file is empty.' : 'The file holds only white space.',
    };
  }
  const tag = String.fromCharCode(...head.subarray(offset, offset + 3));
  if (tag === 'ISA') return { standard: 'X12', offset };
  if (tag === 'UNA' || tag === 'UNB') return { standard: 'EDIFACT', offset };
  return {
    standard: null,
    code: 'FILE_NOT_EDI',
    reason: `The file starts with ${describeStart(head.subarray(offset, offset + 12))} at byte ${offset + 1}; X12 starts with ISA and EDIFACT with UNA or UNB.`,
  };
}

function isWhiteSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function describeStart(bytes: Uint8Array): string {
  const printable = [...bytes].every((byte) => byte >= 0x20 && byte < 0x7f);
  if (printable) return `"${String.fromCharCode(...bytes)}"`;
  return `bytes ${[...bytes.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ')} (not text)`;
}

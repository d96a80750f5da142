import fs from 'node:fs';
import path from 'node:path';

// The shared corpus of real EDI files beside the checkout (../shared/corpus) and its MANIFEST.

export const CORPUS = path.resolve('../shared/corpus');

export interface CorpusEntry {
  /** Path in the corpus, e.g. 'edifact/ORDERS/x.edi'. */
  readonly name: string;
  /** The MANIFEST's notes, with flags such as [MALFORMED-INTENTIONAL]. */
  readonly notes: string;
}

/** The MANIFEST's files whose path starts with `prefix` ('x12/', 'edifact/'). */
export function corpusEntries(prefix: string): CorpusEntry[] {
  const manifest = path.join(CORPUS, 'MANIFEST.tsv');
  if (!fs.existsSync(manifest)) throw new Error(`The shared EDI corpus is not at ${CORPUS}: check out the project beside shared/ (as CI does).`);
  return fs
    .readFileSync(manifest, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((row) => (row[0] ?? '').startsWith(prefix))
    .map((row) => ({ name: row[0] as string, notes: row[7] ?? '' }));
}

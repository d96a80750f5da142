import fs from 'node:fs';
import path from 'node:path';
import { CORPUS } from './corpus.js';

// The golden samples of a fixtures folder, whatever their licence. A sample is named by its expected
// NAME.json; its bytes are NAME.x12 or NAME.edi in the folder when we may keep a copy, and otherwise the
// shared corpus file that the folder's SOURCES.tsv names for it: GPL and unlicensed files must not be
// copied into this repository, so the tests read those in place.

/** What SOURCES.tsv says, in its read_from column, of a sample that has no copy in the folder. */
const IN_PLACE = 'read in place from the corpus';

/** NAME.options.json holds a sample's map options, not what it must become. */
const OPTIONS = '.options.json';

/** The folder's samples, NAME.x12 or NAME.edi (as `extension` says), one for every expected NAME.json. */
export function goldenSamples(folder: string, extension: string): string[] {
  const files = fs.readdirSync(folder);
  // A sample without expectations would otherwise drop out of the golden tests unnoticed.
  const orphan = files.find((file) => file.endsWith(extension) && !files.includes(file.slice(0, -extension.length) + '.json'));
  if (orphan) throw new Error(`${path.join(folder, orphan)} has no expected .json beside it.`);
  return files.filter((file) => file.endsWith('.json') && !file.endsWith(OPTIONS)).map((file) => file.slice(0, -'.json'.length) + extension);
}

/** What the sample must become: its NAME.json. */
export function readExpected(folder: string, sample: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(folder, sample.replace(/\.[^.]+$/, '.json')), 'utf8'));
}

/** The sample's bytes: its copy in the folder, or the corpus file SOURCES.tsv gives for it. */
export function readSample(folder: string, sample: string): Buffer {
  const source = sourceOf(folder, sample);
  const copy = path.join(folder, sample);
  if (fs.existsSync(copy)) {
    if (source?.read_from === IN_PLACE) throw new Error(`${copy} must not be here: SOURCES.tsv says its licence keeps it in the corpus, to be ${IN_PLACE}.`);
    return fs.readFileSync(copy);
  }
  if (!source?.corpus_path) throw new Error(`${sample} is neither in ${folder} nor given a corpus_path in its SOURCES.tsv.`);
  const file = path.join(CORPUS, source.corpus_path);
  if (!fs.existsSync(file)) throw new Error(`${sample} is ${IN_PLACE}, but ${file} is missing: check out shared/ beside the project (as CI does).`);
  return fs.readFileSync(file);
}

/** The sample's row of the folder's SOURCES.tsv, by column name. */
function sourceOf(folder: string, sample: string): Readonly<Record<string, string | undefined>> | undefined {
  const [header = [], ...rows] = fs
    .readFileSync(path.join(folder, 'SOURCES.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));
  const row = rows.find((cells) => cells[0] === sample);
  return row && Object.fromEntries(header.map((column, index) => [column, row[index]]));
}

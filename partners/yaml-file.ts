import fs from 'node:fs';
import YAML, { isMap, isNode, isScalar, isSeq, LineCounter, type Node, type YAMLError } from 'yaml';
import type { LocatedProblem } from './profile-error.js';
import type { PathSegment } from './profile-problem.js';

// A profile file as its values and a way back from a field to the place in the file that gives it. Every
// scalar is read as text (YAML's failsafe schema): the profile schema, not YAML's guessing, decides what is
// a number, so 004010 and 01 keep their zeros.

export interface YamlFile {
  readonly file: string;
  /** The file's top-level fields. */
  readonly value: Readonly<Record<string, unknown>>;
  /** Line and column of the field at `path`, or of the deepest part of the path the file has. */
  locate(path: readonly PathSegment[]): { readonly line: number; readonly column: number };
}

export type ReadYamlFile = { readonly ok: true; readonly yaml: YamlFile } | { readonly ok: false; readonly problem: LocatedProblem };

export function readYamlFile(file: string): ReadYamlFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : `cannot be read: ${(error as Error).message}`;
    return { ok: false, problem: { file, path: '', reason } };
  }

  const lineCounter = new LineCounter();
  const document = YAML.parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false });
  const [syntax] = document.errors;
  if (syntax) {
    const { line, col } = lineCounter.linePos(syntax.pos[0]);
    return { ok: false, problem: { file, line, column: col, path: '', reason: syntaxReason(syntax) } };
  }
  const value: unknown = document.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: { file, line: 1, column: 1, path: '', reason: 'must hold the profile\'s fields, as "name: value" lines' } };
  }

  const locate = (path: readonly PathSegment[]) => {
    let node: unknown = document.contents;
    let offset = 0;
    // Points at the key of a field and at the start of a list item, where the eye looks for them.
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair || !isScalar(pair.key)) break;
        offset = pair.key.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && isNode(node.items[segment])) {
        node = node.items[segment];
        offset = (node as Node).range?.[0] ?? offset;
      } else {
        break;
      }
    }
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return { ok: true, yaml: { file, value: value as Record<string, unknown>, locate } };
}

function syntaxReason(error: YAMLError): string {
  if (error.code === 'MULTIPLE_DOCS') return 'YAML syntax: the file holds more than one document (a line "---" between them); a profile file holds one';
  return `YAML syntax: ${error.message}`;
}

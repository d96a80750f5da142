import type { Diagnostic } from '../../../translators/diagnostic.js';
import { createEdifactValidatingReader } from '../../../translators/edifact/validating-reader.js';
import { compiledSpecFor } from '../../../translators/x12/specs/registry.js';
import { createValidatingReader } from '../../../translators/x12/validating-reader.js';
import type { Command } from '../command.js';
import { identifyEdiFile, streamEdiFile } from '../edi-file.js';

export const inspectCommand: Command = {
  name: 'inspect',
  positionals: ['FILE'],
  summary: 'Read an EDI file in bounded memory and show its interchanges, groups, transaction sets or messages and every fault (exit 0 clean, 1 faults, 2 unreadable).',
  options: { json: { type: 'boolean', default: false } },
  optionHelp: { json: 'one JSON object per line: interchange, group, transactionSet, diagnostic, summary' },
  async run({ args, options, stdout }) {
    const file = args[0] as string;
    const standard = await identifyEdiFile(file);
    const out = options.json ? jsonLines(stdout) : text(stdout, standard === 'EDIFACT' ? 'message' : 'transaction set');
    const counts = { interchanges: 0, groups: 0, sets: 0, errors: 0, warnings: 0 };
    const diagnostic = (found: Diagnostic) => {
      counts[found.severity === 'error' ? 'errors' : 'warnings'] += 1;
      out.diagnostic(found);
    };
    const reader =
      standard === 'EDIFACT'
        ? createEdifactValidatingReader({
            interchange: (header) => {
              counts.interchanges += 1;
              out.interchange(header.reference, `${header.sender.id}:${header.sender.qualifier}`, `${header.recipient.id}:${header.recipient.qualifier}`, `${header.syntaxIdentifier}:${header.syntaxVersion}`, header.test ? 'T' : 'P', header.unb.offset);
            },
            message: (message) => {
              counts.sets += 1;
              out.set(`${message.type} ${message.version}${message.release}`, message.reference, message.segments.length, message.segments[0]?.offset ?? 0);
            },
            diagnostic,
          })
        : createValidatingReader(
            {
              interchange: (header) => {
                counts.interchanges += 1;
                out.interchange(header.controlNumber, `${header.sender.qualifier}:${header.sender.id}`, `${header.receiver.qualifier}:${header.receiver.id}`, header.version, header.usage, header.isa.offset);
              },
              group: (header) => {
                counts.groups += 1;
                out.group(header.controlNumber, header.functionalId, header.version);
              },
              transactionSet: (set) => {
                counts.sets += 1;
                out.set(set.id, set.controlNumber, set.segmentCount, set.header.offset);
              },
              diagnostic,
            },
            { specs: compiledSpecFor },
          );
    await streamEdiFile(file, (chunk) => reader.write(chunk));
    reader.end();
    out.summary(counts);
    return counts.errors > 0 ? 1 : 0;
  },
};

interface Output {
  interchange(controlNumber: string, sender: string, receiver: string, version: string, usage: string, offset: number): void;
  group(controlNumber: string, functionalId: string, version: string): void;
  set(id: string, controlNumber: string, segments: number, offset: number): void;
  diagnostic(diagnostic: Diagnostic): void;
  summary(counts: { interchanges: number; groups: number; sets: number; errors: number; warnings: number }): void;
}

function jsonLines(stdout: NodeJS.WritableStream): Output {
  const line = (value: object) => stdout.write(`${JSON.stringify(value)}\n`);
  return {
    interchange: (controlNumber, sender, receiver, version, usage, offset) => line({ kind: 'interchange', controlNumber, sender, receiver, version, usage, offset }),
    group: (controlNumber, functionalId, version) => line({ kind: 'group', controlNumber, functionalId, version }),
    set: (id, controlNumber, segments, offset) => line({ kind: 'transactionSet', id, controlNumber, segments, offset }),
    diagnostic: (diagnostic) => line({ kind: 'diagnostic', ...diagnostic }),
    summary: (counts) => line({ kind: 'summary', ...counts }),
  };
}

/** `set` names what a file's sets are: transaction sets (X12) or messages (EDIFACT). */
function text(stdout: NodeJS.WritableStream, set: string): Output {
  const line = (value: string) => stdout.write(`${value}\n`);
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return {
    interchange: (controlNumber, sender, receiver, version, usage, offset) =>
      line(`interchange ${controlNumber} from ${sender} to ${receiver}, version ${version}, ${usage === 'P' ? 'production' : usage === 'T' ? 'test' : `usage ${usage}`}, at byte ${offset}`),
    group: (controlNumber, functionalId, version) => line(`  group ${controlNumber} (${functionalId}), version ${version}`),
    set: (id, controlNumber, segments, offset) => line(`    ${set} ${id} ${controlNumber}: ${plural(segments, 'segment')}, at byte ${offset}`),
    diagnostic: (diagnostic) => {
      const { location } = diagnostic;
      const where = [
        `byte ${location.offset}`,
        location.interchange && `interchange ${location.interchange}`,
        location.group && `group ${location.group}`,
        location.set && `set ${location.set}`,
        location.loop && `loop ${location.loop}`,
        location.segmentPosition && `segment ${location.segmentPosition}`,
        location.segment && `${location.segment}${elementName(location)}`,
      ].filter(Boolean);
      line(`  ${diagnostic.severity === 'error' ? 'ERROR' : 'warning'} ${diagnostic.codeList} ${diagnostic.code} (${where.join(', ')}): ${diagnostic.message}`);
    },
    summary: (counts) =>
      line(`${plural(counts.interchanges, 'interchange')}, ${plural(counts.groups, 'group')}, ${plural(counts.sets, set)}; ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}.`),
  };
}

/** BEG03, MEA04-1: the element as implementation guides write it, after its segment's tag. */
function elementName(location: Diagnostic['location']): string {
  if (location.element === undefined) return '';
  return `${String(location.element).padStart(2, '0')}${location.component === undefined ? '' : `-${location.component}`}`;
}

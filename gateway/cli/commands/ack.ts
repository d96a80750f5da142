import type { AckPolicy } from '../../../translators/acks/acknowledge.js';
import { isAcknowledgment } from '../../../translators/acks/contrl.js';
import { createMemoryAllocator, type ControlNumberAllocator } from '../../../translators/control-numbers.js';
import type { InterchangeOutcome as EdifactOutcome } from '../../../translators/edifact/validating-reader.js';
import type { InterchangeOutcome } from '../../../translators/x12/validating-reader.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { createEdifactOutcomeReader, createX12OutcomeReader, writeContrl, writeX12Acknowledgment } from '../../pipeline/make-acknowledgments.js';
import type { Command } from '../command.js';
import { identifyEdiFile, streamEdiFile } from '../edi-file.js';

export const ackCommand: Command = {
  name: 'ack',
  positionals: ['FILE'],
  summary: 'Print the acknowledgments the gateway would send for an EDI file: TA1, 997 or 999 for X12, CONTRL for EDIFACT; nothing when none is due (exit 0, 2 unreadable).',
  options: {
    'control-number': { type: 'string' },
    date: { type: 'string' },
    time: { type: 'string' },
    'functional-ack': { type: 'string' },
  },
  optionHelp: {
    'control-number': 'first control number for ISA13, GS06 and ST02, or UNB 0020 and UNH 0062 (default 1), so the output is reproducible',
    date: 'YYYYMMDD to write in ISA09 and GS04, or UNB S004 (default today, UTC); give --time with it',
    time: 'HHMM to write in ISA10 and GS05, or UNB S004 (default now, UTC)',
    'functional-ack': '997 or 999 for every group of an X12 file (default: 999 for 005010 groups, 997 for older ones)',
  },
  async run({ args, options, stdout, stderr }) {
    const file = args[0] as string;
    const start = parseControlNumber(options['control-number']);
    const now = parseClock(options.date, options.time);
    const policy = parsePolicy(options['functional-ack']);
    const allocator = createMemoryAllocator({ interchange: start, group: start, set: start });
    if ((await identifyEdiFile(file)) === 'EDIFACT') {
      if (policy.functionalAck) {
        throw new GatewayError('REQUEST_INVALID', `--functional-ack is for X12 files; ${file} is EDIFACT, which is answered with CONTRL.`, { location: { setting: '--functional-ack' } });
      }
      await printContrls(file, { allocator, now, stdout, stderr });
      return 0;
    }
    const outcomes: InterchangeOutcome[] = [];
    const reader = createX12OutcomeReader({ interchangeEnd: (outcome) => void outcomes.push(outcome) }, standardOnly);
    await streamEdiFile(file, (chunk) => reader.write(chunk));
    reader.end();
    for (const outcome of outcomes) {
      const partner = `${outcome.header.sender.qualifier}:${outcome.header.sender.id}`;
      const written = await writeX12Acknowledgment(outcome, policy, { allocator, partner, now });
      if (written) stdout.write(written.text);
    }
    return 0;
  },
};

/**
 * The CONTRL of each interchange on standard output, in the encoding of its syntax level; on standard error,
 * why an interchange gets none, and what a CONTRL had to leave out.
 */
async function printContrls(
  file: string,
  { allocator, now, stdout, stderr }: { allocator: ControlNumberAllocator; now: Date; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<void> {
  const outcomes: EdifactOutcome[] = [];
  const reader = createEdifactOutcomeReader({ interchangeEnd: (outcome) => void outcomes.push(outcome) }, standardOnly);
  await streamEdiFile(file, (chunk) => reader.write(chunk));
  reader.end();
  if (outcomes.length === 0) stderr.write(`${file} holds no interchange: no CONTRL is due.\n`);
  for (const outcome of outcomes) {
    const { sender, reference } = outcome.header;
    const partner = `${sender.qualifier}:${sender.id}`;
    const name = `Interchange ${reference} from ${partner}`;
    const written = await writeContrl(outcome, {}, { allocator, partner, now });
    if (!written) {
      const why = isAcknowledgment(outcome) ? 'it holds only CONTRL messages, which are never answered' : 'it was accepted and its sender did not ask for one (UNB 0031)';
      stderr.write(`${name}: no CONTRL is due: ${why}.\n`);
      continue;
    }
    stdout.write(written.bytes);
    if (written.omitted > 0) {
      stderr.write(`${name}: its CONTRL leaves out ${written.omitted} UCS and UCD (at most 999 UCS per UCM and 99 UCD per UCS); the messages concerned are rejected all the same.\n`);
    }
  }
}

/** The command checks against the standard alone: it knows no partner whose guide would apply. */
const standardOnly = () => undefined;

function parseControlNumber(value: string | boolean | undefined): number {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value) || Number(value) === 0) {
    throw new GatewayError('REQUEST_INVALID', `--control-number must be a number from 1 to 999999999; it is "${String(value)}".`, { location: { setting: '--control-number' } });
  }
  return Number(value);
}

function parseClock(date: string | boolean | undefined, time: string | boolean | undefined): Date {
  if (date === undefined && time === undefined) return new Date();
  const day = typeof date === 'string' ? /^(\d{4})(\d\d)(\d\d)$/.exec(date) : null;
  const clock = typeof time === 'string' ? /^([01]\d|2[0-3])([0-5]\d)$/.exec(time) : null;
  if (!day || !clock) {
    throw new GatewayError('REQUEST_INVALID', `--date YYYYMMDD and --time HHMM go together; got --date "${String(date ?? '')}" --time "${String(time ?? '')}".`, { location: { setting: day ? '--time' : '--date' } });
  }
  const now = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), Number(clock[1]), Number(clock[2])));
  if (now.getUTCDate() !== Number(day[3])) throw new GatewayError('REQUEST_INVALID', `--date "${String(date)}" is not a date.`, { location: { setting: '--date' } });
  return now;
}

function parsePolicy(value: string | boolean | undefined): AckPolicy {
  if (value === undefined) return {};
  if (value === '997' || value === '999') return { functionalAck: value };
  throw new GatewayError('REQUEST_INVALID', `--functional-ack must be 997 or 999; it is "${String(value)}".`, { location: { setting: '--functional-ack' } });
}

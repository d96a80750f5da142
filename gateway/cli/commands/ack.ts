import { acknowledge, type AckPolicy } from '../../../translators/acks/acknowledge.js';
import { createMemoryAllocator } from '../../../translators/control-numbers.js';
import { serializeInterchange } from '../../../translators/x12/serialize.js';
import { compiledSpecFor } from '../../../translators/x12/specs/registry.js';
import { createValidatingReader, type InterchangeOutcome } from '../../../translators/x12/validating-reader.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Command } from '../command.js';
import { streamX12File } from '../x12-file.js';

export const ackCommand: Command = {
  name: 'ack',
  positionals: ['FILE'],
  summary: 'Print the acknowledgments (TA1, 997 or 999) the gateway would send for an X12 file; nothing when none is due (exit 0, 2 unreadable).',
  options: {
    'control-number': { type: 'string' },
    date: { type: 'string' },
    time: { type: 'string' },
    'functional-ack': { type: 'string' },
  },
  optionHelp: {
    'control-number': 'first control number for ISA13, GS06 and ST02 (default 1), so the output is reproducible',
    date: 'YYYYMMDD to write in ISA09 and GS04 (default today, UTC); give --time with it',
    time: 'HHMM to write in ISA10 and GS05 (default now, UTC)',
    'functional-ack': '997 or 999 for every group (default: 999 for 005010 groups, 997 for older ones)',
  },
  async run({ args, options, stdout }) {
    const file = args[0] as string;
    const start = parseControlNumber(options['control-number']);
    const now = parseClock(options.date, options.time);
    const policy = parsePolicy(options['functional-ack']);
    const outcomes: InterchangeOutcome[] = [];
    const reader = createValidatingReader({ interchangeEnd: (outcome) => void outcomes.push(outcome) }, { specs: compiledSpecFor, collectOutcomes: true });
    await streamX12File(file, 'ack', (chunk) => reader.write(chunk));
    reader.end();
    const allocator = createMemoryAllocator({ interchange: start, group: start, set: start });
    for (const outcome of outcomes) {
      const answer = acknowledge(outcome, now, policy);
      if (!answer) continue;
      const partner = `${outcome.header.sender.qualifier}:${outcome.header.sender.id}`;
      stdout.write(await serializeInterchange(answer.interchange, { delimiters: answer.delimiters, lineEnding: '\n', allocator, partner, now }));
    }
    return 0;
  },
};

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

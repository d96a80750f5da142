import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { errorCatalogue, type ErrorCode } from '../errors/catalogue.js';
import { gatewayVersion } from '../version.js';
import { describeError, isGatewayError } from '../errors/gateway-error.js';
import { ProfileError } from '../../partners/profile-error.js';
import type { Command } from './command.js';
import { commands } from './commands.js';

/** Exit codes: 0 done, 1 failed, 2 the command line, the configuration or the input file is wrong. */
const USAGE_ERROR = 2;
const BAD_INPUT = new Set<ErrorCode>([
  'CONFIG_INVALID',
  'CONFIG_FILE_UNREADABLE',
  'REQUEST_INVALID',
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'FILE_NOT_EDI',
  'PROFILE_INVALID',
]);

export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const commonOptions = {
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `edi-gateway <command> [options]`; resolves with the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(overview());
    return argv.length === 0 ? USAGE_ERROR : 0;
  }
  if (argv[0] === '--version') {
    io.stdout.write(`${gatewayVersion()}\n`);
    return 0;
  }
  const command = findCommand(argv);
  if (!command) {
    io.stderr.write(`edi-gateway: unknown command "${argv.filter((word) => !word.startsWith('-')).join(' ')}"\n\n${overview()}`);
    return USAGE_ERROR;
  }
  const rest = argv.slice(command.name.split(' ').length);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: { ...commonOptions, ...command.options }, strict: true, allowPositionals: true });
  } catch (error) {
    io.stderr.write(`edi-gateway ${command.name}: ${describeError(error)}\n\n${commandHelp(command)}`);
    return USAGE_ERROR;
  }
  const options = parsed.values as Record<string, string | boolean | undefined>;
  if (options.help) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  const wanted = command.positionals ?? [];
  const required = wanted.filter((name) => !name.startsWith('['));
  if (parsed.positionals.length < required.length || parsed.positionals.length > wanted.length) {
    const problem = parsed.positionals.length < required.length ? `${required.join(' ')} is missing` : `unexpected argument "${parsed.positionals[wanted.length]}"`;
    io.stderr.write(`edi-gateway ${command.name}: ${problem}\n\n${commandHelp(command)}`);
    return USAGE_ERROR;
  }
  try {
    return await command.run({
      options,
      args: parsed.positionals,
      loadConfig: () => loadConfig({ env: io.env, configFile: options.config as string | undefined }),
      stdout: io.stdout,
      stderr: io.stderr,
    });
  } catch (error) {
    // A profile file's problems are the user's input, like a bad option: every one of them, with its line.
    if (error instanceof ProfileError) {
      io.stderr.write(`edi-gateway ${command.name}: ${error.message} [${error.code}]\n`);
      return USAGE_ERROR;
    }
    if (isGatewayError(error)) {
      io.stderr.write(`edi-gateway ${command.name}: ${error.message} [${error.code}]\n`);
      return BAD_INPUT.has(error.code) ? USAGE_ERROR : 1;
    }
    io.stderr.write(`edi-gateway ${command.name}: ${errorCatalogue.INTERNAL.summary}\n${error instanceof Error ? error.stack : String(error)}\n`);
    return 1;
  }
}

function findCommand(argv: readonly string[]): Command | undefined {
  const matches = commands.filter((command) => command.name.split(' ').every((word, index) => argv[index] === word));
  return matches.sort((a, b) => b.name.length - a.name.length)[0];
}

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: edi-gateway <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options for every command:',
    '  --config FILE  YAML configuration file (also EDI_CONFIG); the environment overrides it',
    '  -h, --help     help for the command',
    '',
    'edi-gateway --version prints the version.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = Object.entries(command.options ?? {}).map(([name, option]) => {
    const flag = option.type === 'string' ? `--${name} VALUE` : `--${name}`;
    return `  ${flag.padEnd(18)} ${command.optionHelp?.[name] ?? ''}`;
  });
  return [
    `Usage: edi-gateway ${[command.name, ...(command.positionals ?? [])].join(' ')} [options]`,
    '',
    command.summary,
    '',
    'Options:',
    ...options,
    `  ${'--config FILE'.padEnd(18)} YAML configuration file (also EDI_CONFIG)`,
    `  ${'-h, --help'.padEnd(18)} this help`,
    '',
  ].join('\n');
}


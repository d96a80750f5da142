import type { ParseArgsConfig } from 'node:util';
import type { LoadedConfig } from '../config/load-config.js';

export interface CommandContext {
  /** The command's own options, parsed. */
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  /** Its positional arguments, as many as the command names. */
  readonly args: readonly string[];
  /** Loads the configuration (defaults, --config file, environment); throws CONFIG_INVALID. */
  loadConfig(): LoadedConfig;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** One sub-command of `edi-gateway`; later features add theirs to the list in commands.ts. */
export interface Command {
  /** One or more words: 'start', 'files list'. */
  readonly name: string;
  readonly summary: string;
  /** Names of its positional arguments, shown in its usage line: ['FILE']; one in brackets ('[FILE]') may be left out. */
  readonly positionals?: readonly string[];
  readonly options?: NonNullable<ParseArgsConfig['options']>;
  /** How each option is explained by `edi-gateway <command> --help`. */
  readonly optionHelp?: Readonly<Record<string, string>>;
  /** Resolves with the exit code. */
  run(context: CommandContext): Promise<number>;
}

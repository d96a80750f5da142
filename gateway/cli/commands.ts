import type { Command } from './command.js';
import { ackCommand } from './commands/ack.js';
import { configCommand } from './commands/config-show.js';
import { filesListCommand } from './commands/files-list.js';
import { inspectCommand } from './commands/inspect.js';
import { migrateCommand } from './commands/migrate.js';
import { startCommand } from './commands/start.js';

/** Every sub-command of `edi-gateway`, in the order --help lists them. */
export const commands: readonly Command[] = [startCommand, filesListCommand, inspectCommand, ackCommand, migrateCommand, configCommand];

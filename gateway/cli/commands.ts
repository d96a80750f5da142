import type { Command } from './command.js';
import { ackCommand } from './commands/ack.js';
import { configCommand } from './commands/config-show.js';
import { documentsListCommand } from './commands/documents-list.js';
import { documentsShowCommand } from './commands/documents-show.js';
import { exceptionsListCommand } from './commands/exceptions-list.js';
import { exceptionsResolveCommand } from './commands/exceptions-resolve.js';
import { filesListCommand } from './commands/files-list.js';
import { inspectCommand } from './commands/inspect.js';
import { migrateCommand } from './commands/migrate.js';
import { partnerDiffCommand } from './commands/partner-diff.js';
import { partnerListCommand } from './commands/partner-list.js';
import { partnerNewCommand } from './commands/partner-new.js';
import { partnerPromoteCommand } from './commands/partner-promote.js';
import { partnerShowCommand } from './commands/partner-show.js';
import { partnerTestCommand } from './commands/partner-test.js';
import { partnerValidateCommand } from './commands/partner-validate.js';
import { renderCommand } from './commands/render.js';
import { replayCommand } from './commands/replay.js';
import { resubmitCommand } from './commands/resubmit.js';
import { secretListCommand } from './commands/secret-list.js';
import { secretSetCommand } from './commands/secret-set.js';
import { sendCommand } from './commands/send.js';
import { sftpHashPasswordCommand } from './commands/sftp-hash-password.js';
import { startCommand } from './commands/start.js';
import { translateCommand } from './commands/translate.js';
import { userAddCommand } from './commands/user-add.js';
import { userKeyAddCommand, userKeyListCommand, userKeyRevokeCommand } from './commands/user-key.js';
import { userListCommand } from './commands/user-list.js';
import { userDisableCommand, userEnableCommand, userRoleCommand } from './commands/user-manage.js';
import { userPasswordCommand } from './commands/user-password.js';

/** Every sub-command of `edi-gateway`, in the order --help lists them. */
export const commands: readonly Command[] = [
  startCommand,
  filesListCommand,
  exceptionsListCommand,
  exceptionsResolveCommand,
  replayCommand,
  inspectCommand,
  ackCommand,
  partnerNewCommand,
  partnerValidateCommand,
  partnerListCommand,
  partnerShowCommand,
  partnerDiffCommand,
  partnerTestCommand,
  partnerPromoteCommand,
  translateCommand,
  renderCommand,
  sendCommand,
  resubmitCommand,
  documentsListCommand,
  documentsShowCommand,
  secretSetCommand,
  secretListCommand,
  sftpHashPasswordCommand,
  userAddCommand,
  userKeyAddCommand,
  userKeyListCommand,
  userKeyRevokeCommand,
  userListCommand,
  userRoleCommand,
  userDisableCommand,
  userEnableCommand,
  userPasswordCommand,
  migrateCommand,
  configCommand,
];

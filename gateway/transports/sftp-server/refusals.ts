import ssh2 from 'ssh2';
import { describeError } from '../../errors/gateway-error.js';

// What the partner's client is told when the server says no: an SFTP status and a sentence naming the path
// and what to do instead. Errors are turned into these once, here, at the edge.

const { STATUS_CODE } = ssh2.utils.sftp;

export interface Refusal {
  readonly status: typeof STATUS_CODE.NO_SUCH_FILE | typeof STATUS_CODE.PERMISSION_DENIED | typeof STATUS_CODE.FAILURE;
  readonly message: string;
}

export const noSuchFile = (path: string): Refusal => ({ status: STATUS_CODE.NO_SUCH_FILE, message: `${path}: no such file or folder in your mailbox` });

export const notAllowed = (path: string, why: string): Refusal => ({ status: STATUS_CODE.PERMISSION_DENIED, message: `${path}: ${why}` });

export const failed = (path: string, why: string): Refusal => ({ status: STATUS_CODE.FAILURE, message: `${path}: ${why}` });

export const UPLOAD_ONLY_TO_INBOUND = 'files can be uploaded to /inbound only';
export const FIXED_FOLDERS = 'the mailbox has fixed folders (/inbound, /outbound, /archive); none can be made or removed';
export const NO_LINKS = 'links cannot be made in the mailbox';
export const ARCHIVE_READ_ONLY = 'the archive is read-only';

export const tooLarge = (path: string, maxBytes: number): Refusal =>
  failed(path, `FILE_TOO_LARGE: the largest file accepted is ${maxBytes} bytes; nothing of it was kept`);

export const notStored = (path: string, error: unknown): Refusal =>
  failed(path, `the file could not be stored, nothing of it was kept; send it again (${describeError(error)})`);

import { randomUUID } from 'node:crypto';
import ssh2, { type FileEntry, type SFTPWrapper } from 'ssh2';
import { describeError } from '../../errors/gateway-error.js';
import type { Intake } from '../../ingest/accept-file.js';
import type { Logger } from '../../log.js';
import { withTransaction, type Pool, type PoolClient } from '../../store/pool.js';
import { appendEvent, type NewEvent } from '../../store/sql/events.js';
import { deleteHeldUpload, findHeldUpload, holdUpload, markOutboundDownloaded, removeOutboundFile, renameHeldUpload } from '../../store/sql/sftp-mailboxes.js';
import { attributesOf, listingOf } from './attributes.js';
import { listFolder, openFile, statPath, type Entry, type ReadableFile } from './mailbox.js';
import { resolveMailboxPath, type MailboxPath } from './mailbox-path.js';
import { createReadCoverage, type ReadCoverage } from './read-coverage.js';
import {
  ARCHIVE_READ_ONLY,
  FIXED_FOLDERS,
  NO_LINKS,
  UPLOAD_ONLY_TO_INBOUND,
  failed,
  noSuchFile,
  notAllowed,
  notStored,
  tooLarge,
  type Refusal,
} from './refusals.js';
import { sessionEvent, type SessionIdentity } from './session-events.js';
import { createUploadBuffer, type UploadBuffer } from './upload-buffer.js';

// One partner's SFTP session: every request is answered from that partner's mailbox only. An upload lives in
// memory until its handle is closed; then it is committed (received, or held under a temporary name) and
// only after the commit does the CLOSE succeed. A read of an /outbound file that covered every byte marks
// the file downloaded when its handle closes (or the connection ends).

const { OPEN_MODE, STATUS_CODE } = ssh2.utils.sftp;
const SOURCE = 'sftp';
/** Names that say "still being written": held until renamed, as in the local drop folder. */
const TEMPORARY = /\.(part|tmp|filepart|partial)$/i;
/** Directory entries per READDIR answer, so that a long listing never makes one oversized packet. */
const ENTRIES_PER_ANSWER = 100;
/** The most bytes one READ answers with, whatever the client asks for. */
const MAX_READ_BYTES = 256 * 1024;

type Handle =
  | { readonly kind: 'folder'; readonly entries: FileEntry[]; sent: number }
  | { readonly kind: 'read'; readonly path: string; readonly file: ReadableFile; readonly coverage: ReadCoverage }
  | { readonly kind: 'write'; readonly path: string; readonly name: string; readonly upload: UploadBuffer; refused: boolean };

export interface SftpSessionOptions {
  readonly pool: Pool;
  readonly intake: Intake;
  readonly log: Logger;
  readonly who: SessionIdentity;
  readonly maxFileBytes: number;
  /** Called on every request: what keeps the session from being idle. */
  readonly onActivity: () => void;
}

export interface SftpSession {
  /** The connection ended: uploads not closed are dropped, complete downloads recorded. */
  end(): Promise<void>;
}

export function serveSftp(sftp: SFTPWrapper, options: SftpSessionOptions): SftpSession {
  const { pool, intake, log, who, maxFileBytes } = options;
  const handles = new Map<string, Handle>();
  let nextHandle = 0;

  const event = (type: string, details?: Record<string, unknown>) => sessionEvent(who, type, details);
  /** Events that record no change of state: a failure to write one is logged, never the partner's problem. */
  const note = (type: string, details: Record<string, unknown>) =>
    appendEvent(pool, event(type, details)).catch((error: unknown) => log.warn({ err: error, type, partner: who.partner }, 'sftp event not recorded'));
  /** A change of state and its event, committed together. */
  const commit = <T>(work: (tx: PoolClient) => Promise<T>, toEvent: (result: T) => NewEvent | undefined) =>
    withTransaction(pool, async (tx) => {
      const result = await work(tx);
      const recorded = toEvent(result);
      if (recorded) await appendEvent(tx, recorded);
      return result;
    });

  const refuse = (reqId: number, refusal: Refusal) => sftp.status(reqId, refusal.status, refusal.message);
  const refuseAndNote = (reqId: number, refusal: Refusal, operation: string) => {
    refuse(reqId, refusal);
    void note('sftp.operation.refused', { operation, reason: refusal.message });
  };
  const ok = (reqId: number) => sftp.status(reqId, STATUS_CODE.OK);

  function open(handle: Handle): Buffer {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(nextHandle++);
    handles.set(id.toString('hex'), handle);
    return id;
  }
  const handleOf = (id: Buffer) => handles.get(id.toString('hex'));

  /**
   * Registers a request handler that counts as activity and whose unexpected failures become a FAILURE
   * status, so one bad request never stops the session.
   */
  function on<A extends unknown[]>(request: string, handler: (reqId: number, ...args: A) => Promise<void> | void): void {
    sftp.on(request, (reqId: number, ...args: A) => {
      options.onActivity();
      Promise.resolve()
        .then(() => handler(reqId, ...args))
        .catch((error: unknown) => {
          log.error({ err: error, request, partner: who.partner, session: who.sessionId }, `sftp ${request} failed: ${describeError(error)}`);
          try {
            sftp.status(reqId, STATUS_CODE.FAILURE, `the server could not do this (${request}); try again`);
          } catch {
            // The channel closed meanwhile: there is no one left to answer.
          }
        });
    });
  }

  on('OPEN', async (reqId, filename: string, flags: number) => {
    const target = resolveMailboxPath(filename);
    if (flags & (OPEN_MODE.WRITE | OPEN_MODE.APPEND | OPEN_MODE.CREAT | OPEN_MODE.TRUNC)) {
      if (target.kind !== 'file' || target.folder !== 'inbound') return refuseAndNote(reqId, notAllowed(target.path, UPLOAD_ONLY_TO_INBOUND), 'upload');
      if (flags & OPEN_MODE.EXCL && (await findHeldUpload(pool, who.partner, target.name))) return refuse(reqId, failed(target.path, 'the file already exists'));
      sftp.handle(reqId, open({ kind: 'write', path: target.path, name: target.name, upload: createUploadBuffer(maxFileBytes), refused: false }));
      return;
    }
    if (target.kind !== 'file') return refuse(reqId, target.kind === 'nowhere' ? noSuchFile(target.path) : failed(target.path, 'is a folder'));
    const file = await openFile(pool, who.partner, target.folder, target.name);
    if (!file) return refuse(reqId, noSuchFile(target.path));
    sftp.handle(reqId, open({ kind: 'read', path: target.path, file, coverage: createReadCoverage(file.content.length) }));
    void note('sftp.file.opened', { path: target.path, size: file.content.length });
  });

  on('READ', (reqId, id: Buffer, offset: number, length: number) => {
    const handle = handleOf(id);
    if (handle?.kind !== 'read') return refuse(reqId, failed('handle', 'not a file open for reading'));
    const { content } = handle.file;
    // What was sent counts, not what was asked for: an answer may be shorter than the request.
    const sent = content.subarray(offset, offset + Math.min(length, MAX_READ_BYTES));
    handle.coverage.add(offset, sent.length);
    if (offset >= content.length) return void sftp.status(reqId, STATUS_CODE.EOF);
    sftp.data(reqId, sent);
  });

  on('WRITE', (reqId, id: Buffer, offset: number, data: Buffer) => {
    const handle = handleOf(id);
    if (handle?.kind !== 'write') return refuse(reqId, failed('handle', 'not a file open for writing'));
    if (handle.refused || !handle.upload.write(offset, data)) {
      handle.refused = true;
      return refuse(reqId, tooLarge(handle.path, maxFileBytes));
    }
    ok(reqId);
  });

  on('CLOSE', async (reqId, id: Buffer) => {
    const handle = handleOf(id);
    if (!handle) return refuse(reqId, failed('handle', 'not open'));
    handles.delete(id.toString('hex'));
    if (handle.kind === 'folder') return ok(reqId);
    if (handle.kind === 'read') {
      await finishRead(handle);
      return ok(reqId);
    }
    const refusal = await finishUpload(handle);
    if (refusal) return refuse(reqId, refusal);
    ok(reqId);
  });

  on('FSTAT', (reqId, id: Buffer) => {
    const handle = handleOf(id);
    if (!handle) return refuse(reqId, failed('handle', 'not open'));
    const modifiedAt = new Date();
    const entry: Entry =
      handle.kind === 'folder'
        ? { name: '.', kind: 'folder', size: 0, modifiedAt, readOnly: false }
        : { name: handle.path, kind: 'file', size: handle.kind === 'read' ? handle.file.content.length : handle.upload.size, modifiedAt, readOnly: handle.kind === 'read' };
    sftp.attrs(reqId, attributesOf(entry));
  });

  // Times and modes are not kept: accepting them lets clients that set them (put -p) finish their upload.
  on('FSETSTAT', (reqId, id: Buffer) => (handleOf(id) ? ok(reqId) : refuse(reqId, failed('handle', 'not open'))));
  on('SETSTAT', async (reqId, filename: string) => {
    const target = resolveMailboxPath(filename);
    return (await statPath(pool, who.partner, target)) ? ok(reqId) : refuse(reqId, noSuchFile(target.path));
  });

  on('OPENDIR', async (reqId, filename: string) => {
    const target = resolveMailboxPath(filename);
    if (target.kind === 'nowhere') return refuse(reqId, noSuchFile(target.path));
    if (target.kind === 'file') return refuse(reqId, failed(target.path, 'is a file, not a folder'));
    const entries = await listFolder(pool, who.partner, target.kind === 'root' ? 'root' : target.folder);
    sftp.handle(reqId, open({ kind: 'folder', entries: entries.map((entry) => listingOf(entry, who.partner)), sent: 0 }));
    void note('sftp.folder.listed', { path: target.path, entries: entries.length });
  });

  on('READDIR', (reqId, id: Buffer) => {
    const handle = handleOf(id);
    if (handle?.kind !== 'folder') return refuse(reqId, failed('handle', 'not a folder'));
    if (handle.sent >= handle.entries.length) return void sftp.status(reqId, STATUS_CODE.EOF);
    sftp.name(reqId, handle.entries.slice(handle.sent, handle.sent + ENTRIES_PER_ANSWER));
    handle.sent += ENTRIES_PER_ANSWER;
  });

  const stat = async (reqId: number, filename: string) => {
    const target = resolveMailboxPath(filename);
    const entry = await statPath(pool, who.partner, target);
    return entry ? sftp.attrs(reqId, attributesOf(entry)) : refuse(reqId, noSuchFile(target.path));
  };
  // Nothing in a mailbox is a link, so LSTAT and STAT agree.
  on('STAT', stat);
  on('LSTAT', stat);

  on('REALPATH', (reqId, filename: string) => {
    const { path } = resolveMailboxPath(filename);
    sftp.name(reqId, [{ filename: path, longname: path, attrs: attributesOf({ name: path, kind: 'folder', size: 0, modifiedAt: new Date(0), readOnly: false }) }]);
  });

  on('READLINK', async (reqId, filename: string) => {
    const target = resolveMailboxPath(filename);
    return (await statPath(pool, who.partner, target)) ? refuse(reqId, failed(target.path, 'is not a link')) : refuse(reqId, noSuchFile(target.path));
  });

  on('SYMLINK', (reqId, linkPath: string, targetPath: string) =>
    refuseAndNote(reqId, notAllowed(resolveMailboxPath(linkPath).path, NO_LINKS), `symlink to ${targetPath}`),
  );
  on('MKDIR', (reqId, filename: string) => refuseAndNote(reqId, notAllowed(resolveMailboxPath(filename).path, FIXED_FOLDERS), 'mkdir'));
  on('RMDIR', (reqId, filename: string) => refuseAndNote(reqId, notAllowed(resolveMailboxPath(filename).path, FIXED_FOLDERS), 'rmdir'));

  on('REMOVE', async (reqId, filename: string) => {
    const target = resolveMailboxPath(filename);
    if (target.kind !== 'file') return refuse(reqId, target.kind === 'nowhere' ? noSuchFile(target.path) : notAllowed(target.path, FIXED_FOLDERS));
    if (target.folder.startsWith('archive')) return refuseAndNote(reqId, notAllowed(target.path, ARCHIVE_READ_ONLY), 'remove');
    const removed =
      target.folder === 'outbound'
        ? await commit(
            (tx) => removeOutboundFile(tx, who.partner, target.name, who.username),
            (file) => file && event('sftp.file.removed', { path: target.path, outboundFileId: file.id, downloaded: file.downloadedAt !== null }),
          )
        : await commit(
            (tx) => deleteHeldUpload(tx, who.partner, target.name),
            (gone) => (gone ? event('sftp.upload.removed', { path: target.path }) : undefined),
          );
    return removed ? ok(reqId) : refuse(reqId, noSuchFile(target.path));
  });

  on('RENAME', async (reqId, from: string, to: string) => {
    const source = resolveMailboxPath(from);
    const destination = resolveMailboxPath(to);
    if (source.kind !== 'file' || source.folder !== 'inbound') {
      return source.kind === 'nowhere' ? refuse(reqId, noSuchFile(source.path)) : refuseAndNote(reqId, notAllowed(source.path, 'only uploads in /inbound can be renamed'), 'rename');
    }
    if (destination.kind !== 'file' || destination.folder !== 'inbound') return refuseAndNote(reqId, notAllowed(destination.path, UPLOAD_ONLY_TO_INBOUND), 'rename');
    const refusal = TEMPORARY.test(destination.name) ? await renameHeld(source, destination) : await receiveHeld(source, destination);
    return refusal ? refuse(reqId, refusal) : ok(reqId);
  });

  async function finishRead(handle: Extract<Handle, { kind: 'read' }>): Promise<void> {
    const { outboundId } = handle.file;
    if (outboundId === undefined || !handle.coverage.isComplete()) return;
    await commit(
      (tx) => markOutboundDownloaded(tx, who.partner, outboundId, who.username),
      (first) => (first ? event('sftp.file.downloaded', { path: handle.path, outboundFileId: outboundId, size: handle.file.content.length }) : undefined),
    );
  }

  /** Commits a closed upload; a refusal when it was too large or could not be stored (nothing is kept then). */
  async function finishUpload(handle: Extract<Handle, { kind: 'write' }>): Promise<Refusal | undefined> {
    const details = { path: handle.path, size: handle.upload.size };
    if (handle.refused) {
      await note('sftp.upload.refused', { ...details, code: 'FILE_TOO_LARGE', maxFileBytes });
      return tooLarge(handle.path, maxFileBytes);
    }
    const content = handle.upload.content();
    try {
      if (TEMPORARY.test(handle.name)) {
        await commit(
          (tx) => holdUpload(tx, { partner: who.partner, name: handle.name, content, heldBy: who.username }),
          () => event('sftp.upload.held', details),
        );
        return undefined;
      }
      await receive(handle.path, handle.name, content, `${SOURCE}:${randomUUID()}`);
      return undefined;
    } catch (error) {
      log.error({ err: error, partner: who.partner, path: handle.path }, `sftp upload not stored: ${describeError(error)}`);
      await note('sftp.upload.failed', { ...details, reason: describeError(error) });
      return notStored(handle.path, error);
    }
  }

  /** The one hand-over to the gateway: bytes, row and event commit in the intake, before anyone says OK. */
  async function receive(path: string, name: string, content: Buffer, intakeKey: string): Promise<void> {
    const accepted = await intake({ partner: who.partner, source: SOURCE, originalName: name, intakeKey, content });
    log.info({ partner: who.partner, name, fileId: accepted.fileId, size: content.length, created: accepted.created }, 'file received over sftp');
    await note('sftp.upload.stored', { path, size: content.length, fileId: accepted.fileId });
  }

  async function renameHeld(source: Extract<MailboxPath, { kind: 'file' }>, destination: Extract<MailboxPath, { kind: 'file' }>): Promise<Refusal | undefined> {
    const renamed = await commit(
      (tx) => renameHeldUpload(tx, who.partner, source.name, destination.name),
      (done) => (done ? event('sftp.upload.renamed', { from: source.path, to: destination.path }) : undefined),
    );
    if (renamed) return undefined;
    return (await findHeldUpload(pool, who.partner, source.name)) ? failed(destination.path, 'a file of this name already exists') : noSuchFile(source.path);
  }

  /**
   * A held upload renamed to its final name is received. Its intake key is the held upload's id, so a rename
   * retried after a failure half-way stores it once, and the held copy goes only after the commit.
   */
  async function receiveHeld(source: Extract<MailboxPath, { kind: 'file' }>, destination: Extract<MailboxPath, { kind: 'file' }>): Promise<Refusal | undefined> {
    const held = await findHeldUpload(pool, who.partner, source.name);
    if (!held) return noSuchFile(source.path);
    try {
      await receive(destination.path, destination.name, held.content, `${SOURCE}:held:${held.id}`);
      await deleteHeldUpload(pool, who.partner, source.name, held.id);
      return undefined;
    } catch (error) {
      log.error({ err: error, partner: who.partner, path: destination.path }, `sftp upload not stored: ${describeError(error)}`);
      return notStored(destination.path, error);
    }
  }

  return {
    async end() {
      const open = [...handles.values()];
      handles.clear();
      for (const handle of open) {
        if (handle.kind === 'read') await finishRead(handle).catch((error: unknown) => log.warn({ err: error, partner: who.partner }, 'download not recorded'));
        if (handle.kind === 'write') await note('sftp.upload.discarded', { path: handle.path, size: handle.upload.size, reason: 'the connection ended before the file was closed' });
      }
    },
  };
}

import type { Queryable } from '../../store/pool.js';
import {
  findArchivedInbound,
  findArchivedOutbound,
  findHeldUpload,
  findOutboundFile,
  listArchivedInbound,
  listArchivedOutbound,
  listHeldUploads,
  listOutboundFiles,
  readArchivedInboundContent,
  readOutboundContent,
  type MailboxEntry,
} from '../../store/sql/sftp-mailboxes.js';
import { subfolders, type Folder, type MailboxPath } from './mailbox-path.js';

// What a partner sees of its mailbox, read from the database for that partner only:
//   /inbound           uploads held under a temporary name (a finished upload is received at once and leaves)
//   /outbound          our documents and acknowledgments, until the partner deletes them
//   /archive/inbound   what we received from the partner, newest first
//   /archive/outbound  what the partner deleted from /outbound
// Archived files are named "<id>-<name>", since a name can come back many times over the years.

/** How many archived files a listing shows: the recent ones a partner looks for, not years of history. */
const ARCHIVE_LISTING_LIMIT = 500;
const ARCHIVED_NAME = /^(\d{1,18})-(.+)$/;

export interface Entry {
  readonly name: string;
  readonly kind: 'folder' | 'file';
  readonly size: number;
  readonly modifiedAt: Date;
  /** False only where the partner may upload, rename or delete. */
  readonly readOnly: boolean;
}

/** A file opened for reading; `outboundId` when it is a file of /outbound, whose download is recorded. */
export interface ReadableFile {
  readonly content: Buffer;
  readonly outboundId: string | undefined;
}

const EPOCH = new Date(0);
const folderEntry = (name: string): Entry => ({ name, kind: 'folder', size: 0, modifiedAt: EPOCH, readOnly: false });
const fileEntry = (entry: MailboxEntry, readOnly: boolean, name = entry.name): Entry => ({
  name,
  kind: 'file',
  size: entry.size,
  modifiedAt: entry.modifiedAt,
  readOnly,
});
const archivedName = (entry: MailboxEntry) => `${entry.id}-${entry.name}`;

export async function listFolder(db: Queryable, partner: string, where: Folder | 'root'): Promise<Entry[]> {
  const folders = subfolders(where).map(folderEntry);
  switch (where) {
    case 'root':
    case 'archive':
      return folders;
    case 'inbound':
      return (await listHeldUploads(db, partner)).map((entry) => fileEntry(entry, false));
    case 'outbound':
      return (await listOutboundFiles(db, partner)).map((entry) => fileEntry(entry, false));
    case 'archive/inbound':
      return (await listArchivedInbound(db, partner, ARCHIVE_LISTING_LIMIT)).map((entry) => fileEntry(entry, true, archivedName(entry)));
    case 'archive/outbound':
      return (await listArchivedOutbound(db, partner, ARCHIVE_LISTING_LIMIT)).map((entry) => fileEntry(entry, true, archivedName(entry)));
  }
}

export async function statPath(db: Queryable, partner: string, target: MailboxPath): Promise<Entry | undefined> {
  switch (target.kind) {
    case 'root':
      return folderEntry('/');
    case 'folder':
      return folderEntry(target.folder);
    case 'nowhere':
      return undefined;
    case 'file': {
      const entry = await findFile(db, partner, target.folder, target.name);
      return entry && fileEntry(entry, target.folder.startsWith('archive'), target.name);
    }
  }
}

export async function openFile(db: Queryable, partner: string, folder: Folder, name: string): Promise<ReadableFile | undefined> {
  if (folder === 'inbound') {
    const held = await findHeldUpload(db, partner, name);
    return held && { content: held.content, outboundId: undefined };
  }
  const entry = await findFile(db, partner, folder, name);
  if (!entry) return undefined;
  const content = folder === 'archive/inbound' ? await readArchivedInboundContent(db, partner, entry.id) : await readOutboundContent(db, partner, entry.id);
  return content && { content, outboundId: folder === 'outbound' ? entry.id : undefined };
}

async function findFile(db: Queryable, partner: string, folder: Folder, name: string): Promise<MailboxEntry | undefined> {
  switch (folder) {
    case 'inbound':
      return findHeldUpload(db, partner, name);
    case 'outbound':
      return findOutboundFile(db, partner, name);
    case 'archive/inbound':
    case 'archive/outbound': {
      const match = ARCHIVED_NAME.exec(name);
      if (!match) return undefined;
      const entry = folder === 'archive/inbound' ? await findArchivedInbound(db, partner, match[1] as string) : await findArchivedOutbound(db, partner, match[1] as string);
      return entry?.name === match[2] ? entry : undefined;
    }
    case 'archive':
      return undefined;
  }
}

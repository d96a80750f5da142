import path from 'node:path';

// Every path a partner sends is normalised here, before anything else looks at it: resolved from the root
// of the partner's own mailbox, so `..` stops at that root, an absolute path means the mailbox's own root,
// and no name can reach outside. The mailbox has fixed folders and no links to follow.

export type Folder = 'inbound' | 'outbound' | 'archive' | 'archive/inbound' | 'archive/outbound';

export type MailboxPath =
  | { readonly kind: 'root'; readonly path: '/' }
  | { readonly kind: 'folder'; readonly path: string; readonly folder: Folder }
  | { readonly kind: 'file'; readonly path: string; readonly folder: Folder; readonly name: string }
  /** Nothing in the mailbox can be at this path (a deeper folder, another folder's name). */
  | { readonly kind: 'nowhere'; readonly path: string };

const FOLDERS: readonly Folder[] = ['inbound', 'outbound', 'archive', 'archive/inbound', 'archive/outbound'];
/** Folders that hold files; /archive itself holds only its two folders. */
const FILE_FOLDERS: readonly Folder[] = ['inbound', 'outbound', 'archive/inbound', 'archive/outbound'];
const MAX_NAME_BYTES = 255;

/** The mailbox path the partner means by `raw`. */
export function resolveMailboxPath(raw: string): MailboxPath {
  const normalised = path.posix.resolve('/', raw.replace(/\/+$/, '') || '/');
  if (normalised === '/') return { kind: 'root', path: '/' };
  const inside = normalised.slice(1);
  const folder = FOLDERS.find((candidate) => candidate === inside);
  if (folder) return { kind: 'folder', path: normalised, folder };
  const cut = inside.lastIndexOf('/');
  const parent = FILE_FOLDERS.find((candidate) => candidate === inside.slice(0, cut));
  const name = inside.slice(cut + 1);
  if (parent && isFileName(name)) return { kind: 'file', path: normalised, folder: parent, name };
  return { kind: 'nowhere', path: normalised };
}

/** A name a file of the mailbox may have: no path separator, no control characters, at most 255 bytes. */
export function isFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\x00-\x1f\x7f]/.test(name) && Buffer.byteLength(name) <= MAX_NAME_BYTES;
}

/** The folders directly inside a folder (or the root), as a listing shows them. */
export function subfolders(where: Folder | 'root'): string[] {
  if (where === 'root') return ['inbound', 'outbound', 'archive'];
  if (where === 'archive') return ['inbound', 'outbound'];
  return [];
}

import type { Attributes, FileEntry } from 'ssh2';
import type { Entry } from './mailbox.js';

// How mailbox entries look to an SFTP client: permission bits that tell it what it may do (read-only in the
// archive), and the "ls -l" line OpenSSH's client prints as it is.

const FOLDER = 0o040000;
const FILE = 0o100000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function attributesOf(entry: Entry): Attributes {
  const permissions = entry.kind === 'folder' ? (entry.readOnly ? 0o555 : 0o755) : entry.readOnly ? 0o444 : 0o644;
  const seconds = Math.floor(entry.modifiedAt.getTime() / 1000);
  return { mode: (entry.kind === 'folder' ? FOLDER : FILE) | permissions, uid: 0, gid: 0, size: entry.size, atime: seconds, mtime: seconds };
}

export function listingOf(entry: Entry, owner: string): FileEntry {
  const attrs = attributesOf(entry);
  const bits = attrs.mode & 0o777;
  const rwx = [6, 3, 0].map((shift) => ['r', 'w', 'x'].map((letter, index) => ((bits >> shift) & (4 >> index) ? letter : '-')).join('')).join('');
  const date = entry.modifiedAt;
  const when = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)} ${String(date.getUTCFullYear()).padStart(5)}`;
  const longname = `${entry.kind === 'folder' ? 'd' : '-'}${rwx}    1 ${owner.padEnd(8)} ${owner.padEnd(8)} ${String(entry.size).padStart(8)} ${when} ${entry.name}`;
  return { filename: entry.name, longname, attrs };
}

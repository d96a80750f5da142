/** Names that say "still being written": never collected, and what our own pushes write before renaming. */
export const TEMPORARY_NAME = /\.(part|tmp|filepart|partial)$/i;

/**
 * Whether a file name is one the partner's profile asks us to collect: a glob where * stands for any
 * characters and ? for one, upper and lower case alike. As in a shell, a leading dot must be written in the
 * pattern: hidden files are usually a tool's own.
 */
export function matcherFor(glob: string): (name: string) => boolean {
  const source = [...glob].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  const pattern = new RegExp(`^${source}$`, 'is');
  return (name) => !TEMPORARY_NAME.test(name) && (!name.startsWith('.') || glob.startsWith('.')) && pattern.test(name);
}

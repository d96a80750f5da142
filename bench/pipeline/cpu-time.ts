import fs from 'node:fs';

// CPU time the gateway and its embedded PostgreSQL spent, from /proc: on a machine shared with other work the
// files per second say how much CPU the gateway was given, while the CPU time per file says what a file costs,
// whoever else is running.

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on Linux (USER_HZ). */
const TICKS_PER_SECOND = 100;

interface ProcessStat {
  readonly parent: number;
  /** User and system time, in milliseconds. */
  readonly cpuMs: number;
  /** The same of its children that ended and were waited for (PostgreSQL backends that closed). */
  readonly endedChildrenMs: number;
}

function stat(pid: number): ProcessStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: the fields are counted from after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ms = (ticks: string | undefined) => (Number(ticks) * 1000) / TICKS_PER_SECOND;
    return { parent: Number(fields[1]), cpuMs: ms(fields[11]) + ms(fields[12]), endedChildrenMs: ms(fields[13]) + ms(fields[14]) };
  } catch {
    return undefined;
  }
}

/** CPU milliseconds so far of `pid` itself, and of all its descendants (PostgreSQL, its workers), apart. */
export function cpuTimeOf(pid: number): { ownMs: number; descendantsMs: number } {
  const all = new Map<number, ProcessStat>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const found = stat(Number(entry));
    if (found) all.set(Number(entry), found);
  }
  const family = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, { parent }] of all) {
      if (!family.has(child) && family.has(parent)) {
        family.add(child);
        grew = true;
      }
    }
  }
  let descendantsMs = 0;
  for (const member of family) {
    const found = all.get(member);
    if (member !== pid && found) descendantsMs += found.cpuMs + found.endedChildrenMs;
  }
  return { ownMs: all.get(pid)?.cpuMs ?? 0, descendantsMs };
}

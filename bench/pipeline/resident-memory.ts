import fs from 'node:fs';

// The gateway's resident memory, read from /proc every second while the bench runs: the gateway spends no
// time answering for it, and the figures are the kernel's own.

export interface MemorySamples {
  /** Stops sampling; the samples taken, each with its time (performance.now()) and bytes. */
  stop(): { at: number; bytes: number }[];
}

function residentBytes(pid: number): number | undefined {
  try {
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}

export function sampleResidentMemory(pid: number, everyMs = 1000): MemorySamples {
  const samples: { at: number; bytes: number }[] = [];
  const take = () => {
    const bytes = residentBytes(pid);
    if (bytes !== undefined) samples.push({ at: performance.now(), bytes });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

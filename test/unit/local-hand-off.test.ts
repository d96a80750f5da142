import { describe, expect, it } from '@jest/globals';
import { JobName } from '../../scheduler/job-names.js';
import { createLocalHandOff } from '../../scheduler/local-hand-off.js';

// The scheduler's in-process hand-off: a nudge made by a running job is taken up here by the next free
// worker; anything else (a nudge from outside a job, one beyond the queue's room, one for a job this
// instance does not define, one after closing) is left to Agenda.

/** A hand-off with one worker whose runs wait until released, recording what they were given. */
function handOffWithHeldRuns() {
  const started: Record<string, unknown>[] = [];
  const releases: (() => void)[] = [];
  const handOff = createLocalHandOff({
    concurrency: 1,
    defines: (name) => name !== JobName.sendAlerts,
    run: (_name, data) =>
      new Promise<void>((resolve) => {
        started.push(data);
        releases.push(resolve);
      }),
  });
  const release = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { handOff, started, release };
}

describe('local hand-off', () => {
  it('runs a nudge made inside a job at once, the next when a worker is free, and a key waiting once', async () => {
    const { handOff, started, release } = handOffWithHeldRuns();
    const taken = await handOff.within(async () => [
      handOff.offer(JobName.parseFile, 'file:1', { fileId: '1' }),
      handOff.offer(JobName.parseFile, 'file:2', { fileId: '2' }),
      handOff.offer(JobName.parseFile, 'file:2', { fileId: '2' }),
    ]);
    expect(taken).toEqual([true, true, true]);
    expect(started).toEqual([{ fileId: '1' }]);
    await release();
    expect(started).toEqual([{ fileId: '1' }, { fileId: '2' }]);
    await release();
    expect(started).toHaveLength(2);
  });

  it('shares its workers between jobs: a step of another job waits for the one running', async () => {
    const { handOff, started, release } = handOffWithHeldRuns();
    await handOff.within(async () => {
      handOff.offer(JobName.parseFile, 'file:1', { fileId: '1' });
      handOff.offer(JobName.acknowledgeFile, 'file:1', { fileId: '1', step: 'acknowledge' });
    });
    expect(started).toEqual([{ fileId: '1' }]);
    await release();
    expect(started).toEqual([{ fileId: '1' }, { fileId: '1', step: 'acknowledge' }]);
  });

  it('leaves to Agenda a nudge from outside a job, beyond the room, for a job not defined here, or after closing', async () => {
    const { handOff, started } = handOffWithHeldRuns();
    expect(handOff.offer(JobName.parseFile, 'file:1', { fileId: '1' })).toBe(false);
    const inside = await handOff.within(async () => [
      handOff.offer(JobName.parseFile, 'file:1', { fileId: '1' }),
      handOff.offer(JobName.parseFile, 'file:2', { fileId: '2' }),
      handOff.offer(JobName.parseFile, 'file:3', { fileId: '3' }),
      handOff.offer(JobName.sendAlerts, 'alerts', {}),
    ]);
    expect(inside).toEqual([true, true, false, false]);
    handOff.close();
    expect(await handOff.within(async () => handOff.offer(JobName.parseFile, 'file:4', { fileId: '4' }))).toBe(false);
    expect(started).toEqual([{ fileId: '1' }]);
  });
});

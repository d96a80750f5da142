import os from 'node:os';
import type { Config } from '../../config/settings.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { advanceFile } from '../../pipeline/advance-file.js';
import { describeFieldChange, dryRunReplay, type DryRun } from '../../pipeline/replay-dry-run.js';
import { replayFile, replayReason } from '../../pipeline/replay-file.js';
import { replayableStates, replayFiles, selectReplays, type ReplayFilter } from '../../pipeline/replay-files.js';
import { isFileState } from '../../pipeline/states.js';
import { fileView } from '../../web/routes/files.js';
import { chooseForm, parseWhen, progressWriter } from '../bulk-options.js';
import type { Command, CommandContext } from '../command.js';
import { withStore } from '../with-store.js';

const FILTER = ['partner', 'state', 'since', 'until'];

export const replayCommand: Command = {
  name: 'replay',
  summary:
    "Read a received file again from its stored bytes, as a new file linked to it, with the partner's current or a chosen profile version (--dry-run: the canonical difference, nothing written); or every file a filter chooses.",
  positionals: ['[FILE]'],
  options: {
    'profile-version': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    acknowledge: { type: 'boolean', default: false },
    reason: { type: 'string' },
    by: { type: 'string' },
    partner: { type: 'string' },
    state: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  optionHelp: {
    'profile-version': "the partner's profile version to read it with (default: the current one)",
    'dry-run': 'show what the replay would make beside what the original made, field by field; nothing is written',
    acknowledge: 'send the partner the acknowledgments the replay makes (by default none: it had its answer)',
    reason: 'why it is replayed, for both files\' history (required, except for a dry run of one file)',
    by: 'who replays it (default: the user running the command)',
    partner: 'bulk: the partner whose files are replayed',
    state: `bulk: only files in this state (${replayableStates.join(', ')})`,
    since: 'bulk: received on or after this day or date-time',
    until: 'bulk: received before this day or date-time (default: now)',
    json: 'JSON instead of sentences',
  },
  async run(context) {
    const { args, options, loadConfig } = context;
    const form = chooseForm(args[0], options, FILTER, ['partner', 'state', 'since']);
    const profileVersion = parseVersion(options['profile-version']);
    const { config } = loadConfig();
    return form === 'one' ? replayOne(context, config, args[0] as string, profileVersion) : replayMany(context, config, profileVersion);
  },
};

async function replayOne({ options, stdout }: CommandContext, config: Config, fileId: string, profileVersion: number | undefined): Promise<number> {
  if (options['dry-run']) {
    const dryRun = await withStore(config, (pool) => dryRunReplay(pool, fileId, { profileVersion }));
    stdout.write(options.json ? `${JSON.stringify(dryRun)}\n` : dryRunText(dryRun));
    return 0;
  }
  const reason = replayReason(options.reason as string | undefined);
  const actor = actorOf(options);
  const { replayed, replay } = await withStore(config, async (pool) => {
    const made = await replayFile(pool, fileId, { actor, reason, profileVersion, acknowledge: options.acknowledge === true });
    return { replayed: made, replay: await advanceFile({ pool, actor: config.instance.name }, made.replay.id) };
  });
  const view = fileView(replay);
  if (options.json) stdout.write(`${JSON.stringify({ original: fileId, replay: view, profileVersion: replayed.profileVersion })}\n`);
  else stdout.write(`File ${fileId} replayed as file ${view.id} with profile version ${replayed.profileVersion}: ${stateWords(view)}\n`);
  return view.state === 'REJECTED' || view.state === 'QUARANTINED' ? 1 : 0;
}

async function replayMany({ options, stdout, stderr }: CommandContext, config: Config, profileVersion: number | undefined): Promise<number> {
  const reason = replayReason(options.reason as string | undefined);
  const state = options.state as string;
  if (!isFileState(state)) throw new GatewayError('REQUEST_INVALID', `--state must be one of ${replayableStates.join(', ')}, got "${state}".`);
  const filter: ReplayFilter = { partner: options.partner as string, state, since: parseWhen(options.since, 'since'), until: parseWhen(options.until, 'until', new Date()) };
  const window = `partner ${filter.partner}, ${filter.state}, received from ${filter.since.toISOString()} until ${filter.until.toISOString()}`;
  if (options['dry-run']) {
    const dryRuns = await withStore(config, async (pool) => {
      const selected = await selectReplays(pool, filter);
      const runs: DryRun[] = [];
      for (const id of selected) runs.push(await dryRunReplay(pool, id, { profileVersion }));
      return runs;
    });
    if (options.json) stdout.write(`${JSON.stringify({ filter, reason, dryRuns })}\n`);
    else stdout.write(`${dryRuns.length} files would be replayed (${window}); nothing was written.\n${dryRuns.map((run) => `  file ${run.fileId}: ${setCounts(run)}`).join('\n')}${dryRuns.length ? '\n' : ''}`);
    return 0;
  }
  const actor = actorOf(options);
  stderr.write(`Replaying the files of ${window}, as ${actor}: ${reason}\n`);
  const done = await withStore(config, (pool) =>
    replayFiles({ pool, instance: config.instance.name }, filter, { actor, reason, profileVersion, acknowledge: options.acknowledge === true }, progressWriter(stderr, 'file', ({ replay }) => `replayed as file ${replay.id}, ${replay.state}`)),
  );
  if (options.json) {
    stdout.write(`${JSON.stringify({ selected: done.selected.length, replayed: done.replays.length, failed: done.failures.length, replays: done.replays.map(({ original, replay }) => ({ original, replay: fileView(replay) })), failures: done.failures })}\n`);
  } else {
    const failed = done.failures.length === 0 ? '' : `; ${done.failures.length} failed: ${done.failures.map((failure) => `file ${failure.id} (${failure.code})`).join(', ')}`;
    stdout.write(`Replayed ${done.replays.length} of ${done.selected.length} files (${window})${failed}.\n`);
  }
  return done.failures.length === 0 ? 0 : 1;
}

function parseVersion(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) throw new GatewayError('REQUEST_INVALID', `--profile-version must be a whole number from 1, got "${String(value)}".`);
  return version;
}

function actorOf(options: CommandContext['options']): string {
  return typeof options.by === 'string' ? options.by : os.userInfo().username;
}

function stateWords(view: ReturnType<typeof fileView>): string {
  if (view.rejection) return `${view.state} (${view.rejection.code}: ${view.rejection.reason ?? ''}).`;
  return view.state === 'PROCESSED' ? 'PROCESSED.' : `${view.state}; a running gateway takes it on from there.`;
}

function setCounts(run: DryRun): string {
  const counts = new Map<string, number>();
  for (const set of run.sets) counts.set(set.outcome, (counts.get(set.outcome) ?? 0) + 1);
  const words = [...counts].map(([outcome, count]) => `${count} ${outcome}`);
  return [...words, ...run.findings.map((finding) => finding.message)].join(', ') || 'no documents';
}

function dryRunText(run: DryRun): string {
  const lines = [`File ${run.fileId} read again with profile version ${run.profileVersion} of partner ${run.partner} (a dry run: nothing was written).`];
  for (const finding of run.findings) lines.push(`  ! ${finding.where ? `${finding.where}: ` : ''}${finding.message}`);
  for (const set of run.sets) {
    lines.push(`${set.message} ${set.controlNumber} (interchange ${set.interchange}): ${set.outcome}`);
    for (const change of set.changes) lines.push(`  ${describeFieldChange(change)}`);
    for (const finding of set.findings) lines.push(`  ! ${finding.where}: ${finding.message}`);
  }
  return `${lines.join('\n')}\n`;
}

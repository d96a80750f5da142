import { createScheduler } from '../scheduler/scheduler.js';
import { JobName } from '../scheduler/job-names.js';
import { acknowledgeFileJob } from '../scheduler/jobs/acknowledge-file.js';
import { deliverAcknowledgmentJob } from '../scheduler/jobs/deliver-acknowledgment.js';
import { deliverDocumentJob } from '../scheduler/jobs/deliver-document.js';
import { identifyFileJob } from '../scheduler/jobs/identify-file.js';
import { parseFileJob } from '../scheduler/jobs/parse-file.js';
import { pollOdooJob } from '../scheduler/jobs/poll-odoo.js';
import { reconcileAcknowledgmentsJob } from '../scheduler/jobs/reconcile-acknowledgments.js';
import { renderDocumentJob } from '../scheduler/jobs/render-document.js';
import { sendAlertsJob } from '../scheduler/jobs/send-alerts.js';
import { settleOverdueDocumentJob } from '../scheduler/jobs/settle-overdue-document.js';
import { sftpRemoteDuePollsJob, sftpRemotePollJob } from '../scheduler/jobs/sftp-remote-poll.js';
import { sweepOutboundJob } from '../scheduler/jobs/sweep-outbound.js';
import { sweepStuckFilesJob } from '../scheduler/jobs/sweep-stuck-files.js';
import { syncDocumentJob } from '../scheduler/jobs/sync-document.js';
import { translateFileJob } from '../scheduler/jobs/translate-file.js';
import { alertChannels, alertPolicy } from './alerts/send-alerts.js';
import type { Config } from './config/settings.js';
import { checkHealth } from './health.js';
import { createIntake } from './ingest/accept-file.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { startSyncPort } from './odoo/sync/start-sync-port.js';
import { announceDemoLogin, ensureDemoPartner } from './partners/demo-partner.js';
import { DEFAULT_SYNC_POLICY } from './pipeline/sync-document.js';
import { createSecretStore } from './secrets/database-secret-store.js';
import { loadMasterKey } from './secrets/master-key.js';
import { migrate } from './store/migrate.js';
import { openStore } from './store/open-store.js';
import { appendEvent } from './store/sql/events.js';
import { createInboxFolder } from './transports/local-dir/inbox-folder.js';
import { startSftpServer } from './transports/sftp-server/start-sftp-server.js';
import { resolveException } from './exceptions/resolve-exception.js';
import { ensureFirstAdmin } from './users/first-admin.js';
import { buildApp } from './web/app.js';

export interface Gateway {
  /** Where the HTTP API listens, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /**
   * Stops intake and HTTP, lets running jobs finish (up to the shutdown timeout), releases job locks,
   * closes the pool and stops the embedded PostgreSQL. Safe to call more than once.
   */
  stop(reason: string): Promise<void>;
}

/** The composition root: config -> store -> scheduler -> transports -> HTTP. */
export async function startGateway(config: Config, log: Logger): Promise<Gateway> {
  const startedAt = Date.now();
  const actor = config.instance.name;
  // Undone in reverse order when start-up fails half-way, so nothing (least of all postgres) is left running.
  const undo: (() => Promise<unknown>)[] = [];
  try {
    const store = await openStore(config, log, 'own');
    undo.push(() => store.close());
    log.info({ database: store.description }, 'database ready');
    const migrations = await migrate(store.pool, log);
    const { pool } = store;
    // Partners' sessions take their connections from a pool of their own: a queue of jobs waiting for the
    // main pool's must never make an upload wait, or time out, before it is stored.
    const transportPool = store.openPool({ name: 'transports', max: config.database.transportPoolMax, connectTimeoutMs: 30_000 });

    const demoLogin = await ensureDemoPartner(pool, config, log);
    await ensureFirstAdmin(pool, log, actor);

    const metrics = createMetrics(pool);
    const scheduler = createScheduler({
      pool,
      instance: actor,
      log,
      pollMs: config.scheduler.pollMs,
      concurrency: config.scheduler.concurrency,
      lockMs: config.scheduler.lockMs,
      onJobDone: (job, outcome) => metrics.jobsRun.inc({ job, outcome }),
    });
    const nudgeIdentify = (fileId: string) => scheduler.nudge(JobName.identifyFile, `file:${fileId}`, { fileId });
    const nudgeParse = (fileId: string) => scheduler.nudge(JobName.parseFile, `file:${fileId}`, { fileId });
    const nudgeAcknowledge = (fileId: string) => scheduler.nudge(JobName.acknowledgeFile, `file:${fileId}`, { fileId });
    const nudgeDeliver = (acknowledgmentId: string) => scheduler.nudge(JobName.deliverAcknowledgment, `acknowledgment:${acknowledgmentId}`, { acknowledgmentId });
    const nudgeTranslate = (fileId: string) => scheduler.nudge(JobName.translateFile, `file:${fileId}`, { fileId });
    const nudgeSync = (documentId: string) => scheduler.nudge(JobName.syncDocument, `document:${documentId}`, { documentId });
    // Outbound documents (gateway/outbound/): rendered, delivered, reconciled with the partner's acknowledgments, or overdue.
    const nudgeRenderDocument = (documentId: string) => scheduler.nudge(JobName.renderDocument, `outbound:${documentId}`, { documentId });
    const nudgeDeliverDocument = (documentId: string) => scheduler.nudge(JobName.deliverDocument, `outbound:${documentId}`, { documentId });
    const nudgeOverdue = (documentId: string) => scheduler.nudge(JobName.settleOverdueDocument, `outbound:${documentId}`, { documentId });
    const nudgeReconcile = (fileId: string) => scheduler.nudge(JobName.reconcileAcknowledgments, `file:${fileId}`, { fileId });
    const now = () => new Date();
    const intake = createIntake({
      pool: transportPool,
      actor,
      afterCommit: (accepted, delivery) => {
        if (!accepted.created) return;
        metrics.filesReceived.inc({ partner: delivery.partner, source: delivery.source });
        nudgeIdentify(accepted.fileId).catch((error: unknown) =>
          log.warn({ err: error, fileId: accepted.fileId }, 'could not queue identification; the sweep will pick the file up'),
        );
      },
    });
    const secrets = createSecretStore(loadMasterKey(config));
    const sync = await startSyncPort({ config, pool, secrets, log });
    undo.push(() => sync.stop());
    await scheduler.start([
      identifyFileJob({ pool, actor, log, nudgeParse }),
      parseFileJob({ pool, actor, log, nudgeAcknowledge }),
      acknowledgeFileJob({ pool, actor, log, nudgeDeliver, nudgeTranslate, nudgeReconcile }),
      translateFileJob({ pool, actor, log, nudgeSync }),
      syncDocumentJob({ pool, actor, log, port: sync.port, policy: DEFAULT_SYNC_POLICY }),
      deliverAcknowledgmentJob({ pool, actor, log }),
      sweepStuckFilesJob({
        pool,
        log,
        everyMs: config.scheduler.sweepIntervalMs,
        stuckAfterMs: config.scheduler.stuckAfterMs,
        nudgeIdentify,
        nudgeParse,
        nudgeAcknowledge,
        nudgeDeliver,
        nudgeTranslate,
        nudgeSync,
      }),
      sendAlertsJob({
        pool,
        log,
        everyMs: config.alerts.sendEveryMs,
        channels: alertChannels({ settings: config.alerts, log, pool, secrets }),
        policy: alertPolicy(config.alerts),
      }),
      sftpRemoteDuePollsJob({ pool, log, everyMs: config.sftpRemote.checkEveryMs, scheduler }),
      sftpRemotePollJob({ pool, secrets, intake, actor, log, settings: config.sftpRemote, maxFileBytes: config.inbox.maxFileBytes }),
      renderDocumentJob({ pool, actor, log, nudgeDeliver: nudgeDeliverDocument }),
      deliverDocumentJob({ pool, actor, log }),
      reconcileAcknowledgmentsJob({ pool, actor, log }),
      settleOverdueDocumentJob({ pool, actor, log, now, nudgeRender: nudgeRenderDocument }),
      sweepOutboundJob({
        pool,
        log,
        everyMs: config.scheduler.sweepIntervalMs,
        stuckAfterMs: config.scheduler.stuckAfterMs,
        now,
        nudgeRender: nudgeRenderDocument,
        nudgeDeliver: nudgeDeliverDocument,
        nudgeOverdue,
        nudgeReconcile,
      }),
      ...(sync.odoo === undefined
        ? []
        : [pollOdooJob({ pool, actor, log, connection: sync.odoo.connection, connectionKey: sync.odoo.key, nudgeRender: nudgeRenderDocument, everyMs: config.odoo.pollEveryMs })]),
    ]);
    undo.push(() => scheduler.stop(config.shutdown.timeoutMs));

    const inbox = createInboxFolder({
      ...config.inbox,
      intake,
      log,
      onRefused: (refusal) =>
        appendEvent(transportPool, {
          entity: 'inbox',
          entityId: `${refusal.partner}/${refusal.name}`,
          type: 'file.refused',
          actor,
          details: { ...refusal },
        }),
    });
    await inbox.start();
    undo.push(() => inbox.stop());
    const sftp = await startSftpServer({ pool: transportPool, config, intake, log, secrets });
    undo.push(() => sftp.stop());
    if (demoLogin) announceDemoLogin(log, demoLogin, { host: config.sftp.host, port: sftp.port });

    let stopping: Promise<void> | undefined;
    const app = await buildApp({
      pool,
      log,
      metrics,
      health: () => checkHealth({ pool, instance: actor, startedAt, scheduler, stopping: () => stopping !== undefined }),
      partners: config.partners,
      as2: { pool: transportPool, secrets, intake, actor, settings: config.as2 },
      dashboard: {
        settings: config.dashboard,
        stuckAfterMs: config.scheduler.stuckAfterMs,
        maxFileBytes: config.inbox.maxFileBytes,
        // The dashboard's buttons resolve exceptions as the API does, with the signed-in user as the actor.
        exceptionActions: {
          take: async ({ exceptionId, action, actor: user, reason }) =>
            void (await resolveException({ pool, nudges: { translate: nudgeTranslate, sync: nudgeSync } }, exceptionId, { action, reason, actor: user })),
        },
      },
      retryNudges: { translate: nudgeTranslate, sync: nudgeSync },
      instance: actor,
    });
    await app.listen({ host: config.http.host, port: config.http.port });
    undo.push(() => app.close());
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    const url = `http://${config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${port}`;

    await appendEvent(pool, {
      entity: 'gateway',
      entityId: actor,
      type: 'gateway.started',
      actor,
      details: { url, database: store.description, migrationsApplied: migrations.applied },
    });
    log.info({ url, inbox: config.inbox.dir, sftpPort: sftp.port, sftpHostKey: sftp.hostKeyFingerprint, migrationsApplied: migrations.applied.length, startupMs: Date.now() - startedAt }, 'gateway started');

    return {
      url,
      stop(reason) {
        stopping ??= (async () => {
          log.info({ reason }, 'gateway stopping');
          await inbox.stop();
          await sftp.stop();
          await app.close();
          const { unfinished } = await scheduler.stop(config.shutdown.timeoutMs);
          await sync.stop();
          if (unfinished > 0) log.warn({ unfinished }, 'jobs cut short by shutdown; their locks were released for another instance');
          await appendEvent(pool, { entity: 'gateway', entityId: actor, type: 'gateway.stopped', actor, details: { reason, unfinishedJobs: unfinished } }).catch(
            (error: unknown) => log.warn({ err: error }, 'could not record the stop event'),
          );
          await store.close();
          log.info('gateway stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
}

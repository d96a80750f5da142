// Every job the scheduler knows, by the name stored in the agenda_jobs table. Never rename one:
// jobs already queued under the old name would find no handler.
export const JobName = {
  identifyFile: 'identify-file',
  parseFile: 'parse-file',
  acknowledgeFile: 'acknowledge-file',
  deliverAcknowledgment: 'deliver-acknowledgment',
  translateFile: 'translate-file',
  syncDocument: 'sync-document',
  sendAlerts: 'send-alerts',
  sweepStuckFiles: 'sweep-stuck-files',
  sftpRemoteDuePolls: 'sftp-remote-due-polls',
  sftpRemotePoll: 'sftp-remote-poll',
  renderDocument: 'render-document',
  deliverDocument: 'deliver-document',
  reconcileAcknowledgments: 'reconcile-acknowledgments',
  settleOverdueDocument: 'settle-overdue-document',
  sweepOutbound: 'sweep-outbound',
  pollOdoo: 'poll-odoo',
} as const;

export type JobName = (typeof JobName)[keyof typeof JobName];

import { retryDueAlerts, type SendAlertsDeps } from '../../gateway/alerts/send-alerts.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

/** Sends the alerts steps recorded in their transactions, and those whose wait after a failed attempt is over. */
export function sendAlertsJob(deps: SendAlertsDeps & { everyMs: number }): JobDefinition {
  return {
    name: JobName.sendAlerts,
    everyMs: deps.everyMs,
    async run() {
      const sent = await retryDueAlerts(deps);
      if (sent.sent + sent.retrying + sent.failed > 0) deps.log.debug({ ...sent }, 'alerts sent');
    },
  };
}

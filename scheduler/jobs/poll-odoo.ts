import { pollOdooChanges, type PollOdooDeps } from '../../gateway/odoo/outbound/poll-odoo-changes.js';
import { JobName } from '../job-names.js';
import type { JobDefinition } from '../job.js';

// Odoo's own work sent to partners: every EDI_ODOO_POLL_MS, one poll of the Odoo connection. The watermarks
// and intake keys in the database make a poll safe to run twice or to cut short; a failed poll (Odoo down)
// leaves them where they were, and the next one takes up from there.

export function pollOdooJob(deps: PollOdooDeps & { readonly everyMs: number }): JobDefinition {
  return {
    name: JobName.pollOdoo,
    everyMs: deps.everyMs,
    async run() {
      const summary = await pollOdooChanges(deps);
      if (summary.read > 0) deps.log.info({ odoo: deps.connection.name, ...summary }, `Odoo polled: ${summary.read} records read, ${summary.stored} documents stored to send`);
    },
  };
}

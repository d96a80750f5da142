import { newAlert } from '../alerts/alert.js';
import { recordAlert } from '../alerts/send-alerts.js';
import type { PoolClient } from '../store/pool.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import type { ReceivedFile } from '../store/sql/received-files.js';

/**
 * Records the alert that a file from an unknown sender is quarantined, in the transaction that quarantines
 * it: support hears of it once that has committed, and once only, however often the step runs.
 */
export async function recordQuarantineAlert(tx: PoolClient, file: ReceivedFile, reason: string): Promise<void> {
  const name = (await getProfileVersion(tx, file.partner))?.profile.name;
  await recordAlert(
    tx,
    newAlert({
      kind: 'file-quarantined',
      partner: { id: file.partner, ...(name ? { name } : {}) },
      fileId: file.id,
      fileName: file.originalName,
      reason,
      occurredAt: new Date(),
    }),
  );
}

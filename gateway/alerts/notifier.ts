import type { Alert } from './alert.js';

// The port alerts leave the gateway through. An adapter either has told its channel when notify resolves,
// or rejects with a GatewayError saying why not; it never retries itself: send-alerts records the failure
// and tries again later, so a retry outlives a restart.

export interface Notifier {
  notify(alert: Alert): Promise<void>;
}

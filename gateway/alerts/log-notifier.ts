import type { Logger } from '../log.js';
import { alertToJson } from './alert.js';
import type { Notifier } from './notifier.js';
import { renderAlert, type AlertTemplates } from './render-alert.js';

/**
 * One warning line per alert: the subject as the message, the text and the alert's own fields beside it, so
 * a log search finds alerts by kind, partner or key. The line that is always there, webhook or not.
 */
export function createLogNotifier(options: { log: Logger; templates?: AlertTemplates }): Notifier {
  return {
    async notify(alert) {
      const { subject, text } = renderAlert(alert, options.templates);
      options.log.warn({ alert: alertToJson(alert), text }, subject);
    },
  };
}

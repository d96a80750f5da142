import { GatewayError } from '../errors/gateway-error.js';
import type { BulkProgress } from '../pipeline/run-bulk.js';

// What the bulk forms of `replay` and `resubmit` share: the window given as dates, the options that choose
// rows rather than name one, and the progress line written after each row.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (`2026-03-01`, midnight UTC) or an ISO date-time; REQUEST_INVALID naming the option otherwise. */
export function parseWhen(value: string | boolean | undefined, option: string, fallback?: Date): Date {
  if (value === undefined && fallback) return fallback;
  const text = typeof value === 'string' ? value : '';
  const when = new Date(DAY.test(text) ? `${text}T00:00:00Z` : text);
  if (!text || Number.isNaN(when.getTime())) throw new GatewayError('REQUEST_INVALID', `--${option} must be a day (2026-03-01) or a date-time (2026-03-01T12:00:00Z), got ${text ? `"${text}"` : 'nothing'}.`);
  return when;
}

/** Refuses a row named together with a filter, and a filter option given without the others it needs. */
export function chooseForm(named: string | undefined, options: Readonly<Record<string, unknown>>, filter: readonly string[], required: readonly string[]): 'one' | 'bulk' {
  const given = filter.filter((name) => options[name] !== undefined);
  if (named !== undefined) {
    if (given.length > 0) throw new GatewayError('REQUEST_INVALID', `Name one row or give a filter (${given.map((name) => `--${name}`).join(', ')}), not both.`);
    return 'one';
  }
  const missing = required.filter((name) => options[name] === undefined);
  if (missing.length > 0) throw new GatewayError('REQUEST_INVALID', `Without an id, ${missing.map((name) => `--${name}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required: they choose the rows.`);
  return 'bulk';
}

/** `[3/10] file 12: replayed as file 40, PROCESSED` or `[4/10] file 13 failed: ... [CODE]`, on standard error. */
export function progressWriter<T>(stderr: NodeJS.WritableStream, noun: string, sentence: (value: T) => string): (progress: BulkProgress<T>) => void {
  return ({ done, total, failed, id, result }) => {
    const step = `[${done}/${total}${failed > 0 ? `, ${failed} failed` : ''}]`;
    stderr.write(result.ok ? `${step} ${noun} ${id}: ${sentence(result.value)}\n` : `${step} ${noun} ${id} failed: ${result.failure.message} [${result.failure.code}]\n`);
  };
}

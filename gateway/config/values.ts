import path from 'node:path';

// Parsers for setting values. Environment values arrive as strings, config-file values as YAML scalars;
// each parser accepts both and says in plain words what it expected.

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface ValueParser<T> {
  /** What the value must be, as the README's configuration table says it. */
  readonly expects: string;
  parse(raw: unknown): Parsed<T>;
}

const shown = (raw: unknown): string => JSON.stringify(raw);

export function wholeNumber(min: number, max: number): ValueParser<number> {
  const expects = `a whole number from ${min} to ${max}`;
  return {
    expects,
    parse(raw) {
      const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
      if (!/^-?\d+$/.test(text)) return { ok: false, problem: `must be ${expects}, got ${shown(raw)}` };
      const value = Number(text);
      if (value < min || value > max) return { ok: false, problem: `must be ${expects}, got ${value}` };
      return { ok: true, value };
    },
  };
}

export function text(options: { pattern?: RegExp; expects?: string } = {}): ValueParser<string> {
  const expects = options.expects ?? 'a non-empty text';
  return {
    expects,
    parse(raw) {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { ok: false, problem: `must be ${expects}, got ${shown(raw)}` };
      const value = String(raw).trim();
      if (value === '' || (options.pattern && !options.pattern.test(value))) {
        return { ok: false, problem: `must be ${expects}, got ${shown(raw)}` };
      }
      return { ok: true, value };
    },
  };
}

export function oneOf<const T extends string>(choices: readonly T[]): ValueParser<T> {
  const expects = `one of ${choices.join(', ')}`;
  return {
    expects,
    parse(raw) {
      const value = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
      const match = choices.find((choice) => choice === value);
      return match === undefined ? { ok: false, problem: `must be ${expects}, got ${shown(raw)}` } : { ok: true, value: match };
    },
  };
}

export function postgresUrl(): ValueParser<string> {
  const expects = 'a postgres:// or postgresql:// URL';
  return {
    expects,
    parse(raw) {
      if (typeof raw !== 'string') return { ok: false, problem: `must be ${expects}, got ${shown(raw)}` };
      let url: URL;
      try {
        url = new URL(raw.trim());
      } catch {
        return { ok: false, problem: `must be ${expects}; the value is not a URL` };
      }
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        return { ok: false, problem: `must be ${expects}, got a ${url.protocol.replace(':', '')}: URL` };
      }
      if (!url.hostname) return { ok: false, problem: `must be ${expects} with a host name` };
      return { ok: true, value: raw.trim() };
    },
  };
}

/** Accepts an absent value; used for settings whose absence means something (no DATABASE_URL: embedded). */
export function optional<T>(inner: ValueParser<T>): ValueParser<T | undefined> {
  return {
    expects: `${inner.expects}, or unset`,
    parse(raw) {
      if (raw === undefined || raw === null || raw === '') return { ok: true, value: undefined };
      return inner.parse(raw);
    },
  };
}

/** A folder path; relative paths are taken from the working directory and resolved once, here. */
export function folder(): ValueParser<string> {
  const inner = text({ expects: 'a folder path' });
  return {
    expects: inner.expects,
    parse(raw) {
      const parsed = inner.parse(raw);
      return parsed.ok ? { ok: true, value: path.resolve(parsed.value) } : parsed;
    },
  };
}

import type { OdooVersion, VersionRange } from '../versions.js';
import type { Env } from './env.js';
import type { Model } from './registry.js';

/** A stored value: `false` is Odoo's empty (SQL NULL); many2one holds the id, many2many the ids. */
export type Stored = string | number | boolean | readonly number[];
export type Row = { id: number } & Record<string, Stored>;
export type Vals = Record<string, unknown>;
export type Context = Record<string, unknown>;

export type FieldType =
  | 'char'
  | 'text'
  | 'html'
  | 'selection'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'many2one'
  | 'one2many'
  | 'many2many'
  | 'binary';

export type Selection = readonly (readonly [key: string, label: string])[];

export interface FieldSpec {
  readonly type: FieldType;
  readonly string: string;
  readonly required?: boolean;
  readonly readonly?: boolean;
  /** The comodel; a function where the model's name changed between series. */
  readonly relation?: string | ((version: OdooVersion) => string);
  /** one2many: the many2one on the comodel pointing back. */
  readonly inverseName?: string;
  readonly selection?: Selection;
  readonly ondelete?: 'cascade' | 'set null' | 'restrict';
  readonly default?: (env: Env, vals: Vals) => unknown;
  /** Not stored: worked out from the row whenever it is read or searched. */
  readonly compute?: (env: Env, row: Row) => Stored;
  /** Makes a computed field writable: receives the value written. */
  readonly inverse?: (env: Env, row: Row, value: unknown) => void;
}

export interface Field extends Omit<FieldSpec, 'relation'> {
  readonly name: string;
  readonly model: string;
  readonly relation?: string;
  /** Set on fields a model reads through its `_inherits` parent: the many2one holding the parent. */
  readonly delegate?: string;
}

export interface Param {
  readonly name: string;
  readonly required?: boolean;
  readonly default?: unknown;
}

export type Access = 'read' | 'write' | 'create' | 'unlink';

export interface MethodSpec {
  /** `@api.model`: called without record ids. */
  readonly model?: boolean;
  /** Positional order of the parameters; a function where they differ between series. */
  readonly params?: readonly Param[] | ((version: OdooVersion) => readonly Param[]);
  /** Keyword-only parameters (`def m(self, *, ...)`). */
  readonly keywordOnly?: boolean;
  /** Accepts any other keyword (`**kwargs`). */
  readonly varKeywords?: boolean;
  /** The ACL operation a call needs; business methods need write. */
  readonly access?: Access;
  /** Series the method exists in; all when not given. */
  readonly versions?: VersionRange;
  run(env: Env, ids: readonly number[], args: Record<string, unknown>, model: Model): unknown;
}

/** A check run after create and write: returns the refusal's text, or undefined when the row is fine. */
export interface Constraint {
  /** SQL constraints are reported as integrity errors ("The operation cannot be completed: ..."). */
  readonly sql?: boolean;
  readonly fields: readonly string[];
  check(env: Env, row: Row): string | undefined;
}

export interface ModelSpec {
  readonly name: string;
  /** The model's label, as ACL refusals show it. */
  readonly description: string;
  /** `_order`; `id` when not given. */
  readonly order?: string;
  /** `_rec_name`; `name` when not given. */
  readonly recName?: string;
  /** Field that makes the model a tree, for child_of and parent_of. */
  readonly parentName?: string;
  /** Has chatter (mail.thread): message_post works on it. */
  readonly thread?: boolean;
  /** `_inherits`: fields of `model` are read and written through the many2one `field`. */
  readonly inherits?: { readonly model: string; readonly field: string };
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly displayName?: (env: Env, row: Row) => string;
  /** Fields name_search matches besides the record name. */
  readonly nameSearch?: readonly string[];
  /** Fills values Odoo computes from other values of the same create (partner addresses, UoM, ...). */
  readonly prepareCreate?: (env: Env, vals: Vals) => void;
  readonly afterCreate?: (env: Env, row: Row) => void;
  readonly afterWrite?: (env: Env, row: Row, vals: Vals) => void;
  readonly constraints?: readonly Constraint[];
  /** Refuses a deletion with a business error; models with one answer MissingError for unknown ids. */
  readonly beforeUnlink?: (env: Env, rows: readonly Row[]) => void;
  readonly methods?: Readonly<Record<string, MethodSpec>>;
}

import { unknownModel } from '../errors.js';
import { versionNames, type OdooVersion, type VersionNames } from '../versions.js';
import type { Database } from './database.js';
import type { Context } from './model-spec.js';
import type { Model, Registry } from './registry.js';

export interface EnvInit {
  readonly db: Database;
  readonly registry: Registry;
  readonly version: OdooVersion;
  readonly uid: number;
  readonly context: Context;
  /** The transaction's clock, UTC, second precision: every create_date/write_date of one call gets it. */
  readonly now: string;
  /** Superuser: no access rights checked (the simulator's own back office). */
  readonly su: boolean;
}

/** What one call works in: the tables, the series' models, the user, the context and the transaction time. */
export class Env {
  readonly db: Database;
  readonly registry: Registry;
  readonly version: OdooVersion;
  readonly uid: number;
  readonly context: Context;
  readonly now: string;
  readonly su: boolean;
  readonly names: VersionNames;

  constructor(init: EnvInit) {
    this.db = init.db;
    this.registry = init.registry;
    this.version = init.version;
    this.uid = init.uid;
    this.context = init.context;
    this.now = init.now;
    this.su = init.su;
    this.names = versionNames(init.version);
  }

  get today(): string {
    return this.now.slice(0, 10);
  }

  /** The current company: the first of `allowed_company_ids`, else the main company. */
  get companyId(): number {
    const allowed = this.context.allowed_company_ids;
    return Array.isArray(allowed) && typeof allowed[0] === 'number' ? allowed[0] : 1;
  }

  model(name: string): Model {
    const model = this.registry.get(name);
    if (!model) throw unknownModel(name);
    return model;
  }

  hasModel(name: string): boolean {
    return this.registry.has(name);
  }

  withContext(extra: Context): Env {
    return new Env({ ...this, context: { ...this.context, ...extra } });
  }
}

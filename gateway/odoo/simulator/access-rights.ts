import { accessError } from './errors.js';
import type { Access } from './orm/model-spec.js';
import type { Model } from './orm/registry.js';

/** Per model, the operations the integration user may not do; anything not listed is allowed. */
export type AccessRules = Readonly<Record<string, Partial<Record<Access, boolean>>>>;

/** Odoo's own ACL for internal users: external identifiers can be read and created, not changed (3.14). */
export const DEFAULT_ACCESS: AccessRules = { 'ir.model.data': { write: false, unlink: false } };

const VERBS: Readonly<Record<Access, string>> = { read: 'access', write: 'modify', create: 'create', unlink: 'delete' };

export class AccessRights {
  private rules: Map<string, Partial<Record<Access, boolean>>>;

  constructor(rules: AccessRules) {
    this.rules = new Map(Object.entries(rules));
  }

  /** Replaces what the integration user may do on one model (absent operations become allowed). */
  set(model: string, operations: Partial<Record<Access, boolean>>): void {
    this.rules.set(model, { ...operations });
  }

  check(model: Model, operation: Access): void {
    if (this.rules.get(model.name)?.[operation] !== false) return;
    throw accessError(
      `You are not allowed to ${VERBS[operation]} '${model.spec.description}' (${model.name}) records.\n\nContact your administrator to request access if necessary.`,
    );
  }
}

import type { BoundCall, ResolvedMethod } from './bind-arguments.js';
import { newEnv, type SimulatorCore } from './core.js';
import { privateMethod, serializationFailure, unknownMethod, unknownModel } from './errors.js';
import { THREAD_METHODS } from './models/mail-message.js';
import { ORM_METHODS } from './orm/orm-methods.js';
import { shapeResult, type Transport } from './orm/result.js';
import { inRange } from './versions.js';

/** Finds what a call names, refusing private methods first, then unknown models, then unknown methods. */
export function resolveMethod(core: SimulatorCore, modelName: unknown, methodName: unknown): ResolvedMethod {
  const name = String(methodName);
  if (name.startsWith('_')) throw privateMethod(String(modelName), name);
  const model = core.registry.get(String(modelName));
  if (!model) throw unknownModel(String(modelName));
  const spec = model.spec.methods?.[name] ?? (model.spec.thread ? THREAD_METHODS[name] : undefined) ?? ORM_METHODS[name];
  if (!spec || !inRange(core.version, spec.versions)) throw unknownMethod(model.name, name, core.version);
  return { model, name, spec };
}

/**
 * Runs a resolved call as the integration user: access rights, an injected serialization failure, then the
 * method in one transaction (everything rolled back on error), its result shaped for the transport.
 */
export function runCall(core: SimulatorCore, uid: number, method: ResolvedMethod, bound: BoundCall, transport: Transport): unknown {
  const env = newEnv(core, uid, bound.context, false);
  core.access.check(method.model, method.spec.access ?? (method.spec.model ? 'read' : 'write'));
  if (core.faults.takeSerializationFailure(method.model.name, method.name)) throw serializationFailure();
  const value = core.db.transaction(() => {
    const result = method.spec.run(env, bound.ids, bound.args, method.model);
    if (bound.failAfterRun) throw bound.failAfterRun;
    return result;
  });
  return shapeResult(value, transport, core.version);
}

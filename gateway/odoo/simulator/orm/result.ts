/**
 * A method result that is one record. How it travels depends on the transport: `create` of one dict answers
 * a bare id over execute_kw; other one-record results (message_post) a bare id up to 18 and a one-element
 * list from 19; JSON-2 always answers a list.
 */
export class OneRecord {
  readonly id: number;
  readonly kind: 'create' | 'returns-one';

  constructor(id: number, kind: 'create' | 'returns-one') {
    this.id = id;
    this.kind = kind;
  }
}

export type Transport = 'execute_kw' | 'json2';

export function shapeResult(value: unknown, transport: Transport, version: number): unknown {
  if (!(value instanceof OneRecord)) return value;
  if (transport === 'json2') return [value.id];
  if (value.kind === 'create' || version <= 18) return value.id;
  return [value.id];
}

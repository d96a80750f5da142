import type { FieldSpec, Selection } from './model-spec.js';

type Options = Omit<FieldSpec, 'type' | 'string' | 'relation' | 'inverseName' | 'selection'>;

export const char = (string: string, options: Options = {}): FieldSpec => ({ type: 'char', string, ...options });
export const text = (string: string, options: Options = {}): FieldSpec => ({ type: 'text', string, ...options });
export const html = (string: string, options: Options = {}): FieldSpec => ({ type: 'html', string, ...options });
export const integer = (string: string, options: Options = {}): FieldSpec => ({ type: 'integer', string, ...options });
export const float = (string: string, options: Options = {}): FieldSpec => ({ type: 'float', string, ...options });
export const monetary = (string: string, options: Options = {}): FieldSpec => ({ type: 'monetary', string, ...options });
export const boolean = (string: string, options: Options = {}): FieldSpec => ({ type: 'boolean', string, ...options });
export const date = (string: string, options: Options = {}): FieldSpec => ({ type: 'date', string, ...options });
export const datetime = (string: string, options: Options = {}): FieldSpec => ({ type: 'datetime', string, ...options });

export const selection = (string: string, values: Selection, options: Options = {}): FieldSpec => ({
  type: 'selection',
  string,
  selection: values,
  ...options,
});

export const many2one = (string: string, relation: FieldSpec['relation'], options: Options = {}): FieldSpec => ({
  type: 'many2one',
  string,
  relation,
  ...options,
});

export const one2many = (string: string, relation: FieldSpec['relation'], inverseName: string, options: Options = {}): FieldSpec => ({
  type: 'one2many',
  string,
  relation,
  inverseName,
  ...options,
});

export const many2many = (string: string, relation: FieldSpec['relation'], options: Options = {}): FieldSpec => ({
  type: 'many2many',
  string,
  relation,
  ...options,
});

/** The `active` flag that hides archived records from searches. */
export const active = (): FieldSpec => boolean('Active', { default: () => true });

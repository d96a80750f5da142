import { Kind, type TSchema } from '@sinclair/typebox';

// YAML files are read with every scalar as text, so that 004010, 01 and 850 keep their leading zeros and
// stay text whatever YAML would have guessed. Numbers and true/false are made so here, where the schema
// asks for them. Anything that is not plainly a number or a boolean is left for validation to refuse:
// "1.5" stays 1.5 for a whole number, and is refused rather than cut to 1.

/** `value` with the text scalars at the schema's numeric and boolean fields turned into numbers and booleans. */
export function typedScalars(schema: TSchema, value: unknown): unknown {
  switch (schema[Kind]) {
    case 'Integer':
      return typeof value === 'string' && /^[-+]?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
    case 'Boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'Array':
      return Array.isArray(value) ? value.map((item) => typedScalars(schema.items as TSchema, item)) : value;
    case 'Object':
      return isMapping(value) ? mapFields(value, (key) => (schema.properties as Record<string, TSchema>)[key]) : value;
    case 'Record': {
      const [entries] = Object.values(schema.patternProperties as Record<string, TSchema>);
      return isMapping(value) ? mapFields(value, () => entries) : value;
    }
    default:
      return value;
  }
}

function mapFields(value: Record<string, unknown>, schemaOf: (key: string) => TSchema | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      const schema = schemaOf(key);
      return [key, schema ? typedScalars(schema, field) : field];
    }),
  );
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

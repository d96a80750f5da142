import { GatewayError } from '../../errors/gateway-error.js';

// multipart/form-data, as a form with a file input sends it, read by the runtime's own fetch implementation
// (Response.formData) rather than a parser of our own.

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export type FormFields = Record<string, string | UploadedFile>;

/** The form's fields by name (the first of a repeated one): text as strings, files with their name and bytes. */
export async function readMultipartForm(contentType: string, body: Buffer): Promise<FormFields> {
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    throw new GatewayError('REQUEST_INVALID', `The form cannot be read: ${(error as Error).message}.`);
  }
  const fields: FormFields = {};
  for (const [name, value] of form) {
    if (Object.hasOwn(fields, name)) continue;
    fields[name] = typeof value === 'string' ? value : { name: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return fields;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).bytes);
}

import fs from 'node:fs/promises';

export default async function globalTeardown() {
  await globalThis.testServer?.stop();
  // TEST_KEEP_DATA=1 keeps the databases and folders of the run for a look after a failure.
  if (process.env.TEST_KEEP_DATA !== '1' && process.env.TEST_ROOT) await fs.rm(process.env.TEST_ROOT, { recursive: true, force: true });
}

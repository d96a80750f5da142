import type { Logger } from '../log.js';
import type { Pool } from '../store/pool.js';
import { countUsers } from '../store/sql/users.js';
import { addUser } from './add-user.js';
import { generatePassword } from './user-values.js';

// With no user at all, nobody could sign in to the dashboard to add one: the first start makes an admin and
// writes its password in the log, once (it is stored only as a hash). Made only when there is no user, so
// users added with `edi-gateway user add` before the first start are never joined by this one.

export const FIRST_ADMIN = 'admin';

export async function ensureFirstAdmin(pool: Pool, log: Logger, actor: string): Promise<void> {
  // A password written at a level the log leaves out would make an admin nobody can sign in as.
  if (!log.isLevelEnabled('warn') || (await countUsers(pool)) > 0) return;
  const password = generatePassword();
  try {
    await addUser(pool, { username: FIRST_ADMIN, displayName: 'Administrator', role: 'admin', password, actor });
  } catch (error) {
    // Another instance starting at the same moment made it first, and wrote its own password.
    if ((error as { code?: string }).code === 'USER_EXISTS') return;
    throw error;
  }
  log.warn(
    { username: FIRST_ADMIN, password },
    `dashboard user "${FIRST_ADMIN}" created with this password, shown only this once; sign in and keep it safe, or change it with: edi-gateway user password ${FIRST_ADMIN}`,
  );
}

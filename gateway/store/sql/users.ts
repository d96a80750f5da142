import type { Role } from '../../users/roles.js';
import type { Queryable } from '../pool.js';

// Dashboard users (migration 0017). The password hash never leaves this module but for the sign-in check.

export interface User {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly timeZone: string;
  readonly createdAt: Date;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly timeZone: string;
}

const columns = `username, display_name AS "displayName", role, disabled, time_zone AS "timeZone", created_at AS "createdAt"`;

/** Inserts the user; undefined when the user name is taken. */
export async function insertUser(db: Queryable, user: NewUser): Promise<User | undefined> {
  const result = await db.query<User>(
    `INSERT INTO users (username, display_name, role, password_hash, time_zone) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (username) DO NOTHING RETURNING ${columns}`,
    [user.username, user.displayName, user.role, user.passwordHash, user.timeZone],
  );
  return result.rows[0];
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const result = await db.query<User>(`SELECT ${columns} FROM users ORDER BY username`);
  return result.rows;
}

export async function countUsers(db: Queryable): Promise<number> {
  const result = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
  return (result.rows[0] as { count: number }).count;
}

/** The user with the hash to check a password against; undefined when there is no such user. */
export async function getUserWithPassword(db: Queryable, username: string): Promise<(User & { readonly passwordHash: string }) | undefined> {
  const result = await db.query<User & { passwordHash: string }>(`SELECT ${columns}, password_hash AS "passwordHash" FROM users WHERE username = $1`, [username]);
  return result.rows[0];
}

/** Whether the user was there to change. */
export async function setPasswordHash(db: Queryable, username: string, passwordHash: string): Promise<boolean> {
  const result = await db.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE username = $1', [username, passwordHash]);
  return result.rowCount === 1;
}

/** Whether PostgreSQL knows the zone: the dashboard's SQL reads dates typed into filters in it. */
export async function isKnownTimeZone(db: Queryable, zone: string): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM pg_timezone_names WHERE name = $1', [zone]);
  return result.rowCount === 1;
}

/** The user as it was before the change; undefined when there is no such user. */
export async function setRole(db: Queryable, username: string, role: Role): Promise<User | undefined> {
  const result = await db.query<User>(
    `UPDATE users u SET role = $2, updated_at = now() FROM users before WHERE u.username = $1 AND before.username = u.username
     RETURNING before.username, before.display_name AS "displayName", before.role, before.disabled, before.time_zone AS "timeZone", before.created_at AS "createdAt"`,
    [username, role],
  );
  return result.rows[0];
}

/** Whether the user was there to change. */
export async function setDisabled(db: Queryable, username: string, disabled: boolean): Promise<boolean> {
  const result = await db.query('UPDATE users SET disabled = $2, updated_at = now() WHERE username = $1', [username, disabled]);
  return result.rowCount === 1;
}

/** The enabled admins, locked until the transaction ends: two admins cannot each take the other's rights at once. */
export async function lockEnabledAdmins(db: Queryable): Promise<string[]> {
  const result = await db.query<{ username: string }>(`SELECT username FROM users WHERE role = 'admin' AND NOT disabled ORDER BY username FOR UPDATE`);
  return result.rows.map((row) => row.username);
}

/** Whether the user was there to change. */
export async function setTimeZone(db: Queryable, username: string, timeZone: string): Promise<boolean> {
  const result = await db.query('UPDATE users SET time_zone = $2, updated_at = now() WHERE username = $1', [username, timeZone]);
  return result.rowCount === 1;
}

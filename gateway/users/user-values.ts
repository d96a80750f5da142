import { randomBytes } from 'node:crypto';
import { GatewayError } from '../errors/gateway-error.js';
import { isRole, roles, type Role } from './roles.js';

// What a user's name, role, zone and password must be, checked the same way for the command line and the
// first admin.

const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 12;

/** User names are compared in lower case: "Dana" and "dana" are one user. */
export function normalUsername(text: string): string {
  const username = text.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new GatewayError('REQUEST_INVALID', `"${text}" cannot be a user name: up to 64 letters, digits and . _ @ -, starting with a letter or digit.`);
  }
  return username;
}

export function requireRole(text: string): Role {
  if (!isRole(text)) throw new GatewayError('REQUEST_INVALID', `"${text}" is not a role; the roles are ${roles.join(', ')}.`);
  return text;
}

/** An IANA zone the runtime can show times in ("Europe/Paris", "UTC"). */
export function requireTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw new GatewayError('REQUEST_INVALID', `"${zone}" is not a time zone; give an IANA name such as Europe/Paris, America/Chicago or UTC.`);
  }
}

export function requireStrongEnough(password: string): string {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new GatewayError('REQUEST_INVALID', `A password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  return password;
}

/** 120 random bits, as 20 characters that survive copying from a log line or a terminal. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

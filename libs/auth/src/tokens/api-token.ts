import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'pk_';
const TOKEN_PATTERN = /^pk_[A-Za-z0-9_-]{43}$/;

/** A new secret token: `pk_` + 32 random bytes (base64url). Only its SHA-256 is stored. */
export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function hashSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The first characters shown in lists so a user recognises a token without it being usable. */
export function tokenPrefix(value: string): string {
  return value.slice(0, 10);
}

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, y: 365 };
export const MAX_TOKEN_DAYS = 366;

/** `30d`, `2w`, `1y` or a bare number of days → days; anything else → null. */
export function parseTtlDays(text: string): number | null {
  const match = /^(\d+)\s*([dwy]?)$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const days = Number(match[1]) * UNIT_DAYS[match[2] || 'd'];
  return days >= 1 && days <= MAX_TOKEN_DAYS ? days : null;
}

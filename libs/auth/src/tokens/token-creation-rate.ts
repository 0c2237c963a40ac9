import type { EntityManager } from 'typeorm';
import { AuthError } from '../errors/auth-error';

/**
 * Token creation is rate limited per user from the api_token table itself, so the limit holds
 * across API replicas without a shared store (express-rate-limit's memory store is per process).
 */
export async function assertTokenCreationRate(db: EntityManager, userId: string, perHour: number): Promise<void> {
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM api_token WHERE user_id = $1 AND created_at > now() - interval '1 hour'`, [userId])) as { n: number }[];
  if (n >= perHour) {
    throw new AuthError(429, 'RATE_LIMITED', `You created ${n} API tokens in the last hour (limit ${perHour}): wait a little, or reuse a token.`);
  }
}

import { AuthError, createApiToken, listApiTokens, parseTtlDays, revokeApiToken, SYSTEM_ACTOR, TOKEN_SCOPES } from '@pilote/auth';
import { runMigrations } from '@pilote/core';
import type { Command } from './command';
import { withContext } from './with-context';

const USAGE = 'token create --email <e-mail> --ttl <30d|2w|1y> [--scope read,write,import] [--name <name>] | token list --email <e-mail> | token revoke <token-id>';

function flag(args: string[], name: string): string | undefined {
  const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  return args[index].includes('=') ? args[index].slice(args[index].indexOf('=') + 1) : args[index + 1];
}

/** `pilote token …`: API tokens for scripts; the secret is printed once and only its hash is kept. */
export const tokenCommand: Command = {
  name: 'token',
  summary: 'Create, list or revoke API tokens (Authorization: Bearer) for a user',
  usage: USAGE,
  async run(args) {
    const [action] = args;
    if (!['create', 'list', 'revoke'].includes(action ?? '')) {
      console.error(`Usage: npx pilote ${USAGE}`);
      return 2;
    }
    const email = flag(args, '--email')?.trim().toLowerCase();
    if (action !== 'revoke' && !email) {
      console.error(`--email is required. Usage: npx pilote ${USAGE}`);
      return 2;
    }
    let ttlDays = 0;
    if (action === 'create') {
      const ttl = flag(args, '--ttl') ?? '';
      ttlDays = parseTtlDays(ttl) ?? 0;
      if (!ttlDays) {
        console.error(`--ttl "${ttl}" is not a lifetime: use e.g. 30d, 2w or 1y (at most 366 days).`);
        return 2;
      }
    }
    return withContext(args.slice(1), async (context) => {
      await runMigrations(context.dataSource);
      try {
        if (action === 'revoke') {
          const id = args[1];
          const token = await context.dataSource.transaction((m) => revokeApiToken(m, { tokenId: id ?? '', userId: null, actor: SYSTEM_ACTOR }));
          console.log(`Revoked token ${token.id} ("${token.name}").`);
          return 0;
        }
        const users = (await context.dataSource.query(`SELECT id FROM app_user WHERE email = $1`, [email])) as { id: string }[];
        if (!users[0]) {
          console.error(`No user with the e-mail ${email}. The person must sign in once, or be created with an assignment first.`);
          return 1;
        }
        if (action === 'list') {
          const tokens = await listApiTokens(context.dataSource.manager, users[0].id);
          if (tokens.length === 0) console.log('No token.');
          for (const t of tokens) {
            const state = t.revokedAt ? 'revoked' : t.expiresAt < new Date() ? 'expired' : 'active';
            console.log(`${t.id}  ${t.prefix}…  ${t.name}  [${t.scopes.join(',')}]  ${state}, expires ${t.expiresAt.toISOString().slice(0, 10)}, last used ${t.lastUsedAt ? t.lastUsedAt.toISOString() : 'never'}`);
          }
          return 0;
        }
        const scopes = (flag(args, '--scope') ?? 'read').split(',').map((s) => s.trim()).filter(Boolean);
        const name = flag(args, '--name') ?? `cli ${new Date().toISOString().slice(0, 10)}`;
        const { secret, token } = await context.dataSource.transaction((m) => createApiToken(m, { userId: users[0].id, name, ttlDays, scopes, actor: SYSTEM_ACTOR }));
        console.log(`Token ${token.id} for ${email} [${token.scopes.join(',')}], expires ${token.expiresAt.toISOString().slice(0, 10)}.`);
        console.log('Copy it now, it will not be shown again:');
        console.log(secret);
        return 0;
      } catch (error) {
        if (error instanceof AuthError) {
          console.error(error.field === 'scopes' ? `${error.message} (--scope, e.g. --scope ${TOKEN_SCOPES.join(',')})` : error.message);
          return 1;
        }
        throw error;
      }
    });
  },
};

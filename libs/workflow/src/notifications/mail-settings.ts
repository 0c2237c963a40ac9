/** SMTP settings, from the environment only (never from pilote.config.ts: they hold a password). */
export interface MailSettings {
  host: string;
  port: number;
  /** true: TLS from the start (port 465); false: plain, upgraded by STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

/** Reads SMTP_*; no SMTP_HOST means "no e-mail" (notifications stay in the app). */
export function readMailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = ['true', '1', 'yes'].includes((env.SMTP_SECURE ?? '').trim().toLowerCase());
  const port = Number(env.SMTP_PORT ?? (secure ? 465 : 587));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`SMTP_PORT must be a port number, got "${env.SMTP_PORT}".`);
  return {
    host,
    port,
    secure,
    user: env.SMTP_USER?.trim() || null,
    password: env.SMTP_PASSWORD ?? null,
    from: env.SMTP_FROM?.trim() || `PILOTE <no-reply@${host}>`,
  };
}

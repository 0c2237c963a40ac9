/** How the server makes PDF fiches (ADR 046); read once at boot from the environment. */
export interface FicheSettings {
  /** Chromium's executable (`PILOTE_CHROMIUM`, default Debian's /usr/bin/chromium). */
  chromium: string;
  /** Fiches rendered at once in the one shared browser (`PILOTE_FICHE_PAGES`, 1–8, default 2). */
  pages: number;
  /** Longest time for one fiche, page load to PDF (`PILOTE_FICHE_TIMEOUT_MS`, default 90 000). */
  timeoutMs: number;
}

export function readFicheSettings(env: NodeJS.ProcessEnv = process.env): FicheSettings {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max} (got "${raw}").`);
    return value;
  };
  return { chromium: env.PILOTE_CHROMIUM || '/usr/bin/chromium', pages: int('PILOTE_FICHE_PAGES', 2, 1, 8), timeoutMs: int('PILOTE_FICHE_TIMEOUT_MS', 90_000, 1_000, 600_000) };
}

/**
 * The CSP the built web app passes: scripts only from this origin (vite emits no inline script),
 * inline styles for emotion (MUI), images from data:/blob: (chart exports, inline icons),
 * no framing (clickjacking) — except embed pages, which the instance's allowed sites may frame
 * (`frameAncestors`, from publicSite.embeds.allowedSites; ADR 039).
 */
export function contentSecurityPolicyDirectives(options: { https: boolean; frameAncestors?: string[]; moduleOrigins?: string[] }): Record<string, string[] | null> {
  // Origins an enabled module needs (its `contentSecurityOrigins`, e.g. the instance's Matomo); none by default.
  const extra = options.moduleOrigins ?? [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...extra],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...extra],
    connectSrc: ["'self'", ...extra],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: options.frameAncestors?.length ? options.frameAncestors : ["'none'"],
    scriptSrcAttr: ["'none'"],
    // Over plain http (local runs) upgrading would break every sub-request.
    upgradeInsecureRequests: options.https ? [] : null,
  };
}

/** The https origins the enabled modules ask for; anything else stops the start, naming the module. */
export function moduleOriginsOf(modules: { id: string; origins: string[] }[]): string[] {
  const all = new Set<string>();
  for (const { id, origins } of modules) {
    for (const origin of origins) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = null;
      }
      if (!parsed || parsed.protocol !== 'https:' || parsed.origin !== origin) throw new Error(`Module "${id}" asks the CSP to allow "${origin}": only an https origin (https://host[:port], no path) is accepted.`);
      all.add(origin);
    }
  }
  return [...all].sort();
}

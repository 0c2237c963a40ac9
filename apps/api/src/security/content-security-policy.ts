/**
 * The CSP the built web app passes: scripts only from this origin (vite emits no inline script),
 * inline styles for emotion (MUI), images from data:/blob: (chart exports, inline icons),
 * no framing (clickjacking) — except embed pages, which the instance's allowed sites may frame
 * (`frameAncestors`, from publicSite.embeds.allowedSites; ADR 039).
 */
export function contentSecurityPolicyDirectives(options: { https: boolean; frameAncestors?: string[] }): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
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

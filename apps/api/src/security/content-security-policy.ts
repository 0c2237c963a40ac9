/**
 * The CSP the built web app passes: scripts only from this origin (vite emits no inline script),
 * inline styles for emotion (MUI), images from data:/blob: (chart exports, inline icons),
 * no framing (clickjacking).
 */
export function contentSecurityPolicyDirectives(options: { https: boolean }): Record<string, string[] | null> {
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
    frameAncestors: ["'none'"],
    scriptSrcAttr: ["'none'"],
    // Over plain http (local runs) upgrading would break every sub-request.
    upgradeInsecureRequests: options.https ? [] : null,
  };
}

/** Vite names what it emits under /assets/ after a hash of its content: such a file never changes. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Other files of the web app (icons, robots.txt) may change with a release: revalidated hourly. */
export const SHORT_LIVED = 'public, max-age=3600';

export function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? IMMUTABLE : SHORT_LIVED;
}

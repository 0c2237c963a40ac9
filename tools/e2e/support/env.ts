/** Where the runner (tools/e2e/run.cjs) started the instance under test. */
export interface E2eTarget {
  baseUrl: string;
  instance: string;
  instanceDir: string;
}

export function e2eTarget(): E2eTarget {
  const baseUrl = process.env.E2E_BASE_URL;
  if (!baseUrl) {
    throw new Error('E2E_BASE_URL is not set: run the browser suite with `npm run test:e2e`, which starts the kit first.');
  }
  return {
    baseUrl: baseUrl.replace(/\/$/, ''),
    instance: process.env.E2E_INSTANCE ?? 'unknown',
    instanceDir: process.env.E2E_INSTANCE_DIR ?? '',
  };
}

export function url(pathname: string): string {
  return `${e2eTarget().baseUrl}${pathname.startsWith('/') ? '' : '/'}${pathname}`;
}

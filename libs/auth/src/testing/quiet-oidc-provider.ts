// oidc-provider prints development notices (in-memory adapter, default TTLs, Node 20 runtime)
// that are expected in tests; this drops them and keeps every other console line.
for (const level of ['info', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider ')) return;
    original(...args);
  };
}
export {};

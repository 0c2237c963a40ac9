// Prints the gzip size of the JS a route needs before it can render (entry + its static imports,
// + the route's lazy chunk and its static imports). Usage: node apps/web/tools/route-size.mjs [HomePage] [--max=300]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const args = process.argv.slice(2);
const route = args.find((a) => !a.startsWith('--')) ?? 'HomePage';
const max = Number(args.find((a) => a.startsWith('--max='))?.slice(6) ?? 0);

const seen = new Set();
function walk(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) walk(dep);
}
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
walk(entry);
const routeKey = Object.keys(manifest).find((k) => k.endsWith(`/${route}.tsx`) || k.endsWith(`${route}.tsx`));
if (!routeKey) throw new Error(`No chunk for ${route}`);
walk(routeKey);
let total = 0;
for (const key of seen) {
  const file = manifest[key].file;
  if (!file.endsWith('.js')) continue;
  const size = gzipSync(readFileSync(join(dist, file))).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} kB  ${file}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} kB  total gzip JS for ${route}`);
if (max && total / 1024 > max) {
  console.error(`Over budget: ${(total / 1024).toFixed(1)} kB > ${max} kB`);
  process.exit(1);
}

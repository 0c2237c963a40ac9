/** Bounds of an SVG path made of relative `m` (moveto then implicit linetos) and `z`, as @svg-maps writes them. */
export interface Bounds { minX: number; minY: number; maxX: number; maxY: number }

export function pathBounds(d: string): Bounds | null {
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let bounds: Bounds | null = null;
  const include = () => {
    bounds = bounds ? { minX: Math.min(bounds.minX, x), minY: Math.min(bounds.minY, y), maxX: Math.max(bounds.maxX, x), maxY: Math.max(bounds.maxY, y) } : { minX: x, minY: y, maxX: x, maxY: y };
  };
  for (const [, command, args] of d.matchAll(/([mMzZ])([^mMzZ]*)/g)) {
    if (command === 'z' || command === 'Z') {
      x = startX;
      y = startY;
      continue;
    }
    const numbers = args.trim().split(/[\s,]+/).filter(Boolean).map(Number);
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const absolute = command === 'M';
      x = absolute ? numbers[i] : x + numbers[i];
      y = absolute ? numbers[i + 1] : y + numbers[i + 1];
      if (i === 0) [startX, startY] = [x, y];
      include();
    }
  }
  return bounds;
}

/**
 * The viewBox framing some paths, with a margin: the map of an instance that follows three régions
 * shows those régions, not a small patch in an empty France. `null` when nothing is framed.
 */
export function framingViewBox(paths: string[], margin = 0.04): string | null {
  const all = paths.map(pathBounds).filter((b): b is Bounds => b !== null);
  if (all.length === 0) return null;
  const minX = Math.min(...all.map((b) => b.minX));
  const minY = Math.min(...all.map((b) => b.minY));
  const width = Math.max(...all.map((b) => b.maxX)) - minX;
  const height = Math.max(...all.map((b) => b.maxY)) - minY;
  const pad = Math.max(width, height) * margin;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `${r(minX - pad)} ${r(minY - pad)} ${r(width + 2 * pad)} ${r(height + 2 * pad)}`;
}

/** What the map module's server answers for one level (see ../server/geometry). */
export interface GeometryAnswer {
  level: string;
  file: string;
  note: string | null;
  /** Source and licence of the boundaries (e.g. "IGN – ADMIN EXPRESS COG 2018 …"). */
  credit: string | null;
  viewBox: string;
  areas: { code: string; d: string }[];
  unknownCodes: number;
}

export type GeometryResult = { kind: 'ready'; answer: GeometryAnswer } | { kind: 'none' } | { kind: 'error'; message: string };

const BASE = '/api/v1/modules/map/geometry';
// Above this many codes the URL would be too long: the whole level is asked for (cached on the server).
const MAX_CODES_IN_URL = 800;

let levels: Promise<Set<string>> | null = null;

/** The levels of this instance that have a geometry file (asked once per page load). */
export function geometryLevels(): Promise<Set<string>> {
  levels ??= fetch(BASE, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) return new Set<string>();
      const body = (await response.json()) as { levels: { level: string; available: boolean }[] };
      return new Set(body.levels.filter((l) => l.available).map((l) => l.level));
    })
    .catch(() => {
      levels = null;
      return new Set<string>();
    });
  return levels;
}

/** The projected areas of these territories; `none` when the level has no geometry file. */
export async function fetchGeometry(level: string, codes: readonly string[], signal?: AbortSignal): Promise<GeometryResult> {
  if (!(await geometryLevels()).has(level)) return { kind: 'none' };
  const query = codes.length > 0 && codes.length <= MAX_CODES_IN_URL ? `?codes=${encodeURIComponent(codes.join(','))}` : '';
  const response = await fetch(`${BASE}/${encodeURIComponent(level)}${query}`, { credentials: 'same-origin', headers: { accept: 'application/json' }, signal });
  const body = (await response.json().catch(() => ({}))) as GeometryAnswer & { message?: string };
  if (!response.ok) return { kind: 'error', message: body.message ?? `HTTP ${response.status}` };
  return { kind: 'ready', answer: body };
}

/** For tests. */
export function forgetGeometryLevels(): void {
  levels = null;
}

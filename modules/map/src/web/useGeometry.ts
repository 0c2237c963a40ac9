import { useEffect, useState } from 'react';
import { fetchGeometry, type GeometryResult } from './geometry-api';

/** The geometry of these territories of `level`; undefined while loading. */
export function useGeometry(level: string | undefined, codes: readonly string[]): GeometryResult | undefined {
  const key = codes.join(',');
  const [result, setResult] = useState<{ key: string; value: GeometryResult } | undefined>();
  useEffect(() => {
    if (!level) return;
    const controller = new AbortController();
    fetchGeometry(level, key ? key.split(',') : [], controller.signal)
      .then((value) => setResult({ key: `${level}|${key}`, value }))
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setResult({ key: `${level}|${key}`, value: { kind: 'error', message: (error as Error).message } });
      });
    return () => controller.abort();
  }, [level, key]);
  if (!level) return { kind: 'none' };
  return result?.key === `${level}|${key}` ? result.value : undefined;
}

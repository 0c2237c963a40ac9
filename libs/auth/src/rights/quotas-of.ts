import type { KitContext } from '@pilote/core';

export const DEFAULT_QUOTAS: Record<string, number> = { DEPT: 150, REG: 200 };

/** Per-level account quotas of the instance (`rights.quotas` in pilote.config.ts). */
export function quotasOf(kit: KitContext): Record<string, number> {
  return kit.instance.config.rights?.quotas ?? DEFAULT_QUOTAS;
}

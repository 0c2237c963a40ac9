import type { KitContext } from '@pilote/core';
import type { QuotaSettings } from './role-quota';

export const DEFAULT_QUOTAS: Record<string, number> = { DEPT: 150, REG: 200 };

/** Per-level account quotas of the instance (`rights.quotas` in pilote.config.ts). */
export function quotasOf(kit: KitContext): Record<string, number> {
  return kit.instance.config.rights?.quotas ?? DEFAULT_QUOTAS;
}

/** Account quotas per level and holder quotas per role (`rights.roleQuotas`). */
export function quotaSettingsOf(kit: KitContext): QuotaSettings {
  return { quotas: quotasOf(kit), roleQuotas: kit.instance.config.rights?.roleQuotas ?? {} };
}

/** Roles a user may ask for (`rights.requestableRoles`); null: every role but admin and public. */
export function requestableRolesOf(kit: KitContext): string[] | null {
  return kit.instance.config.rights?.requestableRoles ?? null;
}

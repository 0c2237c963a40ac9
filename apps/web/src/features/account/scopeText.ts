import type { TFunction } from 'i18next';
import type { AccessRequest } from './accountApi';

/** "Everywhere", "Bouches-du-Rhône and the territories it contains", "Policies P1, P2"… (`nameOf` names a territory code). */
export function scopeText(scope: AccessRequest['scope'], t: TFunction, nameOf: (code: string) => string = (code) => code): string {
  switch (scope.kind) {
    case 'all': return t('account.scope.all');
    case 'territory': return t('account.scope.territory', { name: scope.territoryCode ? nameOf(scope.territoryCode) : '?' });
    case 'policies': return t('account.scope.policies', { ids: (scope.ids ?? []).join(', ') });
    case 'taxonomies': return t('account.scope.taxonomies', { ids: (scope.ids ?? []).join(', ') });
    case 'combined': return [
      scope.territoryCode ? t('account.scope.territory', { name: nameOf(scope.territoryCode) }) : null,
      scope.policyIds?.length ? t('account.scope.policies', { ids: scope.policyIds.join(', ') }) : null,
      scope.taxonomyIds?.length ? t('account.scope.taxonomies', { ids: scope.taxonomyIds.join(', ') }) : null,
    ].filter(Boolean).join(' × ');
    default: return scope.kind;
  }
}

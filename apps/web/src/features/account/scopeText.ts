import type { TFunction } from 'i18next';
import type { AccessRequest } from './accountApi';

/** "Everywhere", "Territory D13 and below", "Policies P1, P2"… */
export function scopeText(scope: AccessRequest['scope'], t: TFunction): string {
  switch (scope.kind) {
    case 'all': return t('account.scope.all');
    case 'territory': return t('account.scope.territory', { code: scope.territoryCode ?? '?' });
    case 'policies': return t('account.scope.policies', { ids: (scope.ids ?? []).join(', ') });
    case 'taxonomies': return t('account.scope.taxonomies', { ids: (scope.ids ?? []).join(', ') });
    default: return scope.kind;
  }
}

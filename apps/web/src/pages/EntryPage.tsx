import { ErrorState, LoadingState } from '@pilote/ui';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLRequestError } from '../api/graphql';
import { useQuery } from '../api/useQuery';
import { ENTRY_SHEET_QUERY } from '../features/entry/entryApi';
import type { EntrySheet } from '../features/entry/entryTypes';
import { EntryPicker } from '../features/entry/EntryPicker';
import { EntrySheetView } from '../features/entry/EntrySheetView';
import { useUrlState } from '../state/useUrlState';

/** `/entry?territory=D13&policy=P1`: data entry and validation for a territory × policy of the user's scope. */
export default function EntryPage() {
  const { t } = useTranslation('core');
  const url = useUrlState();
  const territoryCode = url.get('territory') ?? '';
  const policyId = url.get('policy') ?? '';
  const ready = Boolean(territoryCode && policyId);
  const { data, loading, error, refetch } = useQuery(ENTRY_SHEET_QUERY, { territoryCode, policyId }, { skip: !ready });
  // Keep showing the sheet while it reloads after a change, so the form and its message stay in place.
  const shown = useRef<{ key: string; sheet: EntrySheet } | null>(null);
  const key = `${territoryCode}|${policyId}`;
  if (data) shown.current = { key, sheet: data.entrySheet };
  const sheet = data?.entrySheet ?? (shown.current?.key === key ? shown.current.sheet : undefined);
  if (!ready) return <EntryPicker onPick={(territory, policy) => url.set({ territory, policy })} />;
  if (loading && !sheet) return <LoadingState />;
  if (error && !sheet) {
    const code = error instanceof GraphQLRequestError ? error.errors?.[0]?.extensions?.code : undefined;
    if (code === 'UNAUTHENTICATED') return <ErrorState title={t('entry.signIn')} description=" " action={{ label: t('app.retry'), onClick: refetch }} />;
    return <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />;
  }
  if (!sheet) return <LoadingState />;
  return <EntrySheetView sheet={sheet} onChanged={refetch} />;
}

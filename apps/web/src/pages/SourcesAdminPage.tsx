import { Box, Card, CardContent, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { SignInRequired } from '../features/account/SignInRequired';
import { BindingCard } from '../features/sources/BindingCard';
import { BindingForm } from '../features/sources/BindingForm';
import { SOURCE_BINDINGS_QUERY } from '../features/sources/sourcesApi';
import { useSession } from '../session/SessionContext';

/** `/admin/sources`: source bindings with their last run's report; run now, preview, edit or delete one; create one (administrators). */
export default function SourcesAdminPage() {
  const { t } = useTranslation('core');
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const { data, loading, error, refetch } = useQuery(SOURCE_BINDINGS_QUERY, {}, { skip: !signedIn });
  const [message, setMessage] = useState<string | null>(null);
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  const bindings = data?.sourceBindings ?? [];
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 1200, minWidth: 0 }}>
      <Typography component="h1" variant="h1">{t('sourcesAdmin.title')}</Typography>
      <Typography color="text.secondary">{t('sourcesAdmin.intro')}</Typography>
      <Typography role="status">{message}</Typography>
      <Card variant="outlined">
        <CardContent sx={{ minWidth: 0 }}>
          <BindingForm
            onSaved={(name) => {
              setMessage(t('sourcesAdmin.create.created', { name }));
              refetch();
            }}
          />
        </CardContent>
      </Card>
      {loading && !data ? (
        <LoadingState />
      ) : error && !data ? (
        <ErrorState error={error} action={{ label: t('app.retry'), onClick: refetch }} />
      ) : bindings.length === 0 ? (
        <EmptyState title={t('sourcesAdmin.emptyTitle')} description={t('sourcesAdmin.emptyDescription')} />
      ) : (
        bindings.map((binding) => <BindingCard key={binding.id} binding={binding} onChanged={refetch} say={setMessage} />)
      )}
    </Box>
  );
}

import { Stack, Typography } from '@mui/material';
import { EmptyState, ErrorState, LoadingState } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { SignInRequired } from '../features/account/SignInRequired';
import { enabledModuleOf, MODULES_QUERY } from '../features/modules-admin/modulesAdminApi';
import { ModuleSettingsCard } from '../features/modules-admin/ModuleSettingsCard';
import type { WebModuleLoader } from '../modules/moduleRegistry.types';
import { moduleRegistry } from '../modules/registry.generated';
import { useSession } from '../session/SessionContext';

/** `/admin/modules`: the enabled modules and their settings (administrators). */
export default function ModulesAdminPage({ registry = moduleRegistry }: { registry?: Record<string, WebModuleLoader> }) {
  const { t } = useTranslation('core');
  const { info, may } = useSession();
  const allowed = Boolean(info?.authenticated) && may('read', 'ModuleSettings');
  const { data, error, loading } = useQuery(MODULES_QUERY, undefined, { skip: !allowed });
  const modules = data?.modules.map(enabledModuleOf);
  let body;
  if (!info) body = <LoadingState />;
  else if (!info.authenticated) body = <SignInRequired />;
  else if (!allowed) body = <EmptyState title={t('modulesAdmin.forbidden')} />;
  else if (error) body = <ErrorState error={error} />;
  else if (loading || !data) body = <LoadingState />;
  else if (!modules || modules.length === 0) body = <EmptyState title={t('modulesAdmin.none')} />;
  else body = <Stack spacing={3}>{modules.map((module) => <ModuleSettingsCard key={module.id} module={module} load={registry[module.id]} />)}</Stack>;
  return (
    <Stack spacing={2}>
      <Typography component="h1" variant="h4">{t('modulesAdmin.title')}</Typography>
      <Typography color="text.secondary">{t('modulesAdmin.intro')}</Typography>
      {body}
    </Stack>
  );
}

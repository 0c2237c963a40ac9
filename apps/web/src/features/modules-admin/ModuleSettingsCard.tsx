import { Alert, Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { localizedName, type ModuleSettingsPanel } from '@pilote/module-sdk/web';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebModuleLoader } from '../../modules/moduleRegistry.types';
import type { EnabledModule } from './modulesAdminApi';
import { ModuleSettingsForm } from './ModuleSettingsForm';

/** The `settingsPanels` of a module's web part, loaded from the same chunk the module host uses. */
function useSettingsPanels(load: WebModuleLoader | undefined): ModuleSettingsPanel[] {
  const [panels, setPanels] = useState<ModuleSettingsPanel[]>([]);
  useEffect(() => {
    let live = true;
    load?.().then((loaded) => live && setPanels(loaded.default.web?.settingsPanels ?? []), () => undefined);
    return () => { live = false; };
  }, [load]);
  return panels;
}

/** One enabled module: what it is, its generated settings form, then its own settings panels. */
export function ModuleSettingsCard({ module: initial, load }: { module: EnabledModule; load?: WebModuleLoader }) {
  const { t, i18n } = useTranslation('core');
  const [module, setModule] = useState(initial);
  const panels = useSettingsPanels(load);
  const name = localizedName(module.displayName, i18n.language);
  const headingId = `module-${module.id}-title`;
  const hasForm = Boolean(module.settingsForm?.fields.length);
  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: 3 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography id={headingId} component="h2" variant="h5">{name}</Typography>
        <Typography variant="body2" color="text.secondary">{t('modulesAdmin.version', { version: module.version })}</Typography>
        {module.hasOverrides && <Chip size="small" label={t('modulesAdmin.changedHere')} />}
      </Stack>
      {module.description && <Typography sx={{ mt: 1 }}>{localizedName(module.description, i18n.language)}</Typography>}
      <Box sx={{ mt: 2 }}>
        {hasForm ? <ModuleSettingsForm module={module} onSaved={setModule} /> : <Typography color="text.secondary">{t('modulesAdmin.noSettings')}</Typography>}
      </Box>
      {module.restartNeeded && <Alert severity="info" sx={{ mt: 2 }}>{t('modulesAdmin.restartNeeded')}</Alert>}
      {panels.map(({ id, title, component: Panel }) => (
        <Box key={id} component="section" aria-label={localizedName(title, i18n.language)} sx={{ mt: 3 }}>
          <Typography component="h3" variant="h6">{localizedName(title, i18n.language)}</Typography>
          <Panel moduleId={module.id} />
        </Box>
      ))}
    </Paper>
  );
}

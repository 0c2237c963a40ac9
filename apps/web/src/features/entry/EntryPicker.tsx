import { Box, Button, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { useTerritory } from '../../api/useTerritory';
import { useInstance } from '../../instance/InstanceContext';
import { useScopeTerritory } from '../../session/useScopeTerritory';
import { useUrlState } from '../../state/useUrlState';
import { TerritorySelector } from '../home/TerritorySelector';
import { ENTRY_POLICIES_QUERY } from './entryApi';


/**
 * Choose where to enter data: a territory (level, then territory) and a policy followed at that
 * level. The territory and level live in the URL; without them, a user bound to one territory
 * starts at theirs.
 */
export function EntryPicker({ onPick }: { onPick: (territory: string, policy: string) => void }) {
  const { t } = useTranslation('core');
  const instance = useInstance();
  const url = useUrlState();
  const scope = useScopeTerritory();
  const broadest = [...instance.levels].filter((l) => !l.perimeter).sort((a, b) => a.rank - b.rank)[0]?.id ?? '';
  const urlLevel = url.get('level');
  // A level chosen without a territory is a choice too: the scope's territory only fills an empty URL.
  const territory = url.get('territory') ?? (urlLevel ? '' : (scope.territory?.code ?? ''));
  const known = useTerritory(territory || null).territory;
  const level = (known?.code === territory ? known.level : undefined) ?? urlLevel ?? broadest;
  const [policy, setPolicy] = useState('');
  const { data } = useQuery(ENTRY_POLICIES_QUERY);
  const policies = (data?.policies ?? []).filter((p) => p.levels.includes(level));
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, display: 'grid', gap: 2, maxWidth: 720, gridTemplateColumns: 'minmax(0, 1fr)' }} component="form"
      onSubmit={(e) => { e.preventDefault(); onPick(territory, policy); }}>
      <Typography component="h1" variant="h1">{t('entry.pickTitle')}</Typography>
      <Typography>{t('entry.pickDescription')}</Typography>
      <TerritorySelector level={level} territoryCode={territory}
        onChange={(next) => { url.set({ level: next.level, territory: next.territory }, { replace: true }); setPolicy(''); }} />
      <TextField select required label={t('entry.policyId')} value={policies.some((p) => p.id === policy) ? policy : ''} onChange={(e) => setPolicy(e.target.value)} id="entry-policy">
        {policies.map((p) => <MenuItem key={p.id} value={p.id}>{`${p.code} – ${p.name}`}</MenuItem>)}
      </TextField>
      <Box><Button type="submit" variant="contained" disabled={!territory || !policy}>{t('entry.open')}</Button></Box>
    </Paper>
  );
}

import { Box, Button, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { useInstance } from '../../instance/InstanceContext';
import { TerritorySelector } from '../home/TerritorySelector';

const POLICIES_QUERY = `query EntryPolicies { policies { id code name levels } }`;

interface PolicyOption { id: string; code: string; name: string; levels: string[] }

/** Choose where to enter data: a territory (level, then territory) and a policy followed at that level. */
export function EntryPicker({ onPick }: { onPick: (territory: string, policy: string) => void }) {
  const { t } = useTranslation('core');
  const instance = useInstance();
  const broadest = [...instance.levels].filter((l) => !l.perimeter).sort((a, b) => a.rank - b.rank)[0]?.id ?? '';
  const [level, setLevel] = useState(broadest);
  const [territory, setTerritory] = useState('');
  const [policy, setPolicy] = useState('');
  const { data } = useQuery<{ policies: PolicyOption[] }>(POLICIES_QUERY);
  const policies = (data?.policies ?? []).filter((p) => p.levels.includes(level));
  return (
    <Paper variant="outlined" sx={{ p: 3, display: 'grid', gap: 2, maxWidth: 720 }} component="form"
      onSubmit={(e) => { e.preventDefault(); onPick(territory, policy); }}>
      <Typography component="h1" variant="h1">{t('entry.pickTitle')}</Typography>
      <Typography>{t('entry.pickDescription')}</Typography>
      <TerritorySelector level={level} territoryCode={territory} onChange={(next) => { setLevel(next.level); setTerritory(next.territory ?? ''); setPolicy(''); }} />
      <TextField select required label={t('entry.policyId')} value={policies.some((p) => p.id === policy) ? policy : ''} onChange={(e) => setPolicy(e.target.value)} id="entry-policy">
        {policies.map((p) => <MenuItem key={p.id} value={p.id}>{`${p.code} – ${p.name}`}</MenuItem>)}
      </TextField>
      <Box><Button type="submit" variant="contained" disabled={!territory || !policy}>{t('entry.open')}</Button></Box>
    </Paper>
  );
}

import { Box, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { TERRITORIES_QUERY } from '../../api/queries';
import type { Territory } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { localize, useInstance } from '../../instance/InstanceContext';
import { compareCodes, displayCode } from '../map/territoryCode';

export interface TerritorySelectorProps {
  level: string;
  territoryCode: string;
  onChange: (next: { level: string; territory: string | null }) => void;
}

/** Level ("maille") then territory; both are plain selects, usable with the keyboard. */
export function TerritorySelector({ level, territoryCode, onChange }: TerritorySelectorProps) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const levels = [...instance.levels].sort((a, b) => a.rank - b.rank);
  const { data, loading } = useQuery<{ territories: { nodes: Territory[] } }>(TERRITORIES_QUERY, { level, first: 500 });
  const territories = [...(data?.territories.nodes ?? [])].sort((a, b) => compareCodes(a.code, b.code));
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <TextField select size="small" label={t('home.level')} value={level} sx={{ minWidth: 160 }}
        slotProps={{ select: { native: true } }}
        onChange={(e) => onChange({ level: e.target.value, territory: null })}>
        {levels.map((l) => <option key={l.id} value={l.id}>{localize(l.label, i18n.language, l.id)}</option>)}
      </TextField>
      <TextField select size="small" label={t('home.territory')} value={territories.some((x) => x.code === territoryCode) ? territoryCode : ''}
        sx={{ minWidth: 260 }} disabled={loading && territories.length === 0}
        slotProps={{ select: { native: true } }}
        onChange={(e) => onChange({ level, territory: e.target.value || null })}>
        <option value="" disabled>{loading ? t('ui.loading') : t('home.chooseTerritory')}</option>
        {territories.map((x) => <option key={x.code} value={x.code}>{/^\d|^2[AB]/.test(displayCode(x.code)) ? `${displayCode(x.code)} – ${x.name}` : x.name}</option>)}
      </TextField>
    </Box>
  );
}

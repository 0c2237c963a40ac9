import { Autocomplete, Box, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Territory } from '../../api/types';
import { useTerritories } from '../../api/useTerritories';
import { localize, useInstance } from '../../instance/InstanceContext';
import { compareCodes, displayCode } from '../map/territoryCode';

/** Above this many territories (EPCI, communes) the list becomes a search field. */
const LIST_LIMIT = 500;

export interface TerritorySelectorProps {
  level: string;
  territoryCode: string;
  onChange: (next: { level: string; territory: string | null }) => void;
}

function optionLabel(territory: Territory): string {
  const code = displayCode(territory.code);
  return /^\d|^2[AB]/.test(code) ? `${code} – ${territory.name}` : territory.name;
}

/** Search by name or code for levels too large for a list (35,000 communes). */
function TerritorySearch({ level, territoryCode, label, onSelect }: { level: string; territoryCode: string; label: string; onSelect: (code: string | null) => void }) {
  const { t } = useTranslation('core');
  const [input, setInput] = useState('');
  const search = input.trim();
  const current = useTerritories({ level, search: territoryCode, first: 1 }, { skip: !territoryCode });
  const found = useTerritories({ level, search, first: 30 }, { skip: search.length < 2 });
  const selected = current.nodes.find((n) => n.code === territoryCode) ?? null;
  return (
    <Autocomplete size="small" sx={{ minWidth: { xs: '100%', sm: 300 } }} options={found.nodes} value={selected} loading={found.loading}
      filterOptions={(x) => x} getOptionLabel={optionLabel} isOptionEqualToValue={(a, b) => a.code === b.code}
      noOptionsText={search.length < 2 ? t('home.searchHint') : t('home.searchNoMatch')} loadingText={t('ui.loading')}
      onInputChange={(_, value, reason) => { if (reason === 'input') setInput(value); }}
      onChange={(_, value) => onSelect(value?.code ?? null)}
      renderInput={(params) => <TextField {...params} label={label} />} />
  );
}

/** Level ("maille") then territory; plain native selects (keyboard-friendly), a search for large levels. */
export function TerritorySelector({ level, territoryCode, onChange }: TerritorySelectorProps) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const levels = [...instance.levels].sort((a, b) => Number(a.perimeter) - Number(b.perimeter) || a.rank - b.rank);
  const { nodes, totalCount, loading } = useTerritories({ level, first: LIST_LIMIT });
  const territories = [...nodes].sort((a, b) => compareCodes(a.code, b.code));
  const large = totalCount > LIST_LIMIT;
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', minWidth: 0, maxWidth: '100%' }}>
      <TextField select size="small" label={t('home.level')} value={level} sx={{ minWidth: { xs: '100%', sm: 160 } }}
        slotProps={{ select: { native: true } }}
        onChange={(e) => onChange({ level: e.target.value, territory: null })}>
        {levels.map((l) => <option key={l.id} value={l.id}>{localize(l.label, i18n.language, l.id)}</option>)}
      </TextField>
      {large ? (
        <TerritorySearch key={level} level={level} territoryCode={territoryCode} label={t('home.territory')}
          onSelect={(code) => code && onChange({ level, territory: code })} />
      ) : (
        <TextField select size="small" label={t('home.territory')} value={territories.some((x) => x.code === territoryCode) ? territoryCode : ''}
          sx={{ minWidth: { xs: '100%', sm: 260 } }} disabled={loading && territories.length === 0}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          onChange={(e) => onChange({ level, territory: e.target.value || null })}>
          <option value="" disabled>{loading ? t('ui.loading') : t('home.chooseTerritory')}</option>
          {territories.map((x) => <option key={x.code} value={x.code}>{optionLabel(x)}</option>)}
        </TextField>
      )}
    </Box>
  );
}

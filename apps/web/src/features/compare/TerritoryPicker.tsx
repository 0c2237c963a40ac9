import { Autocomplete, Chip, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerritories } from '../../api/useTerritories';
import { localize, useInstance } from '../../instance/InstanceContext';
import { displayCode } from '../map/territoryCode';

export const MAX_COMPARED = 5;

export interface PickedTerritory { code: string; name: string; level?: string }

/** Chooses the territories to compare (up to five) by searching their name or code, at any level. */
export function TerritoryPicker({ value, onChange }: { value: PickedTerritory[]; onChange: (codes: string[]) => void }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const [input, setInput] = useState('');
  const search = input.trim();
  const found = useTerritories({ search, first: 30 }, { skip: search.length < 2 });
  const levelOf = (level: string) => localize(instance.levels.find((l) => l.id === level)?.label, i18n.language, level);
  const full = value.length >= MAX_COMPARED;
  return (
    <Autocomplete
      multiple size="small" options={full ? [] : (found.nodes as PickedTerritory[])} value={value} loading={found.loading} filterOptions={(x) => x}
      sx={{ maxWidth: 720 }}
      getOptionLabel={(o) => o.name}
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return <li key={key} {...rest}>{o.name} <span style={{ opacity: 0.75, marginLeft: 6 }}>({o.level ? `${levelOf(o.level)} · ${displayCode(o.code)}` : displayCode(o.code)})</span></li>;
      }}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      noOptionsText={full ? t('compare.full', { max: MAX_COMPARED }) : search.length < 2 ? t('home.searchHint') : t('home.searchNoMatch')}
      loadingText={t('ui.loading')}
      onInputChange={(_, next, reason) => { if (reason === 'input' || reason === 'clear') setInput(next); }}
      onChange={(_, next) => onChange(next.slice(0, MAX_COMPARED).map((o) => o.code))}
      renderValue={(selected, getItemProps) => selected.map((o, index) => {
        const { key, ...rest } = getItemProps({ index });
        return <Chip key={key} {...rest} size="small" label={o.name} />;
      })}
      renderInput={(params) => <TextField {...params} label={t('compare.territories', { max: MAX_COMPARED })} helperText={t('compare.help', { max: MAX_COMPARED })} />} />
  );
}

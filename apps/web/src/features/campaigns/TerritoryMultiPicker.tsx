import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTerritories } from '../../api/useTerritories';
import { useTerritoryNames } from '../../api/useTerritoryNames';

interface Props {
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | null;
}

/** Territories by name or code, searched as one types (the API pages them); chosen ones show their names. */
export function TerritoryMultiPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation('core');
  const [search, setSearch] = useState('');
  const { nodes, loading } = useTerritories({ search: search.trim() || undefined, first: 20 }, { skip: search.trim().length < 2 });
  const nameOf = useTerritoryNames(value);
  const options = [...new Set([...value, ...nodes.map((n) => n.code)])];
  const label = (code: string) => {
    const node = nodes.find((n) => n.code === code);
    return node ? `${node.name} (${node.code})` : `${nameOf(code)} (${code})`;
  };
  return (
    <Autocomplete
      multiple
      filterSelectedOptions
      options={options}
      value={value}
      loading={loading}
      filterOptions={(all) => all}
      getOptionLabel={label}
      onChange={(_, codes) => onChange(codes)}
      onInputChange={(_, text, reason) => { if (reason === 'input') setSearch(text); }}
      noOptionsText={search.trim().length < 2 ? t('campaignForm.typeToSearch') : t('campaignForm.noTerritory')}
      renderInput={(params) => (
        <TextField {...params} label={t('campaignForm.territories')} error={Boolean(error)} helperText={error ?? t('campaignForm.territoriesHelp')} required={value.length === 0} />
      )}
    />
  );
}

import { Box, Chip, FormControlLabel, MenuItem, Switch, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Taxonomy } from '../../api/types';

export interface FilterValues {
  taxonomyIds: string[];
  kinds: string[];
  statuses: string[];
  alertsOnly: boolean;
}

export interface FiltersProps {
  taxonomies: Taxonomy[];
  kinds: string[];
  statuses: string[];
  value: FilterValues;
  onChange: (patch: Partial<FilterValues>) => void;
}

function MultiSelect({ label, options, value, onChange }: { label: string; options: { id: string; label: string }[]; value: string[]; onChange: (v: string[]) => void }) {
  const byId = new Map(options.map((o) => [o.id, o.label]));
  return (
    <TextField select size="small" label={label} value={value} sx={{ minWidth: 200, maxWidth: 360 }}
      slotProps={{ select: { multiple: true, renderValue: (selected) => (selected as string[]).map((id) => byId.get(id) ?? id).join(', ') } }}
      onChange={(e) => onChange(typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as unknown as string[]))}>
      {options.map((o) => <MenuItem key={o.id} value={o.id} selected={value.includes(o.id)}>{o.label}</MenuItem>)}
    </TextField>
  );
}

/** Filters of the policy list; every value is kept in the URL by the caller. */
export function Filters({ taxonomies, kinds, statuses, value, onChange }: FiltersProps) {
  const { t } = useTranslation('core');
  const byKind = new Map<string, Taxonomy[]>();
  for (const tax of taxonomies) byKind.set(tax.kind, [...(byKind.get(tax.kind) ?? []), tax]);
  const active = value.taxonomyIds.length + value.kinds.length + value.statuses.length + (value.alertsOnly ? 1 : 0);
  return (
    <Box component="section" aria-label={t('home.filters.title')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
      {[...byKind.entries()].map(([kind, items]) => (
        <MultiSelect key={kind} label={t(`taxonomyKinds.${kind}`, { defaultValue: kind })}
          options={items.map((i) => ({ id: i.id, label: i.label }))}
          value={value.taxonomyIds.filter((id) => items.some((i) => i.id === id))}
          onChange={(ids) => onChange({ taxonomyIds: [...value.taxonomyIds.filter((id) => !items.some((i) => i.id === id)), ...ids] })} />
      ))}
      {kinds.length > 1 && (
        <MultiSelect label={t('home.filters.kind')} options={kinds.map((k) => ({ id: k, label: t(`policyKinds.${k}`, { defaultValue: k }) }))}
          value={value.kinds} onChange={(kindsValue) => onChange({ kinds: kindsValue })} />
      )}
      {statuses.length > 1 && (
        <MultiSelect label={t('home.filters.status')} options={statuses.map((s) => ({ id: s, label: t(`policyStatuses.${s}`, { defaultValue: s }) }))}
          value={value.statuses} onChange={(s) => onChange({ statuses: s })} />
      )}
      <FormControlLabel control={<Switch checked={value.alertsOnly} onChange={(e) => onChange({ alertsOnly: e.target.checked })} />} label={t('home.filters.alertsOnly')} />
      {active > 0 && (
        <Chip label={t('home.filters.clear', { count: active })} onDelete={() => onChange({ taxonomyIds: [], kinds: [], statuses: [], alertsOnly: false })}
          onClick={() => onChange({ taxonomyIds: [], kinds: [], statuses: [], alertsOnly: false })} />
      )}
    </Box>
  );
}

import { Box, Button, MenuItem, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { formatDate, formatNumber, formatRate } from '@pilote/ui';
import { TableScroll } from '../tables/TableScroll';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate, PROPOSE_VALUE } from './entryApi';
import type { EntryIndicator, EntryRights } from './entryTypes';
import { ProposalList } from './ProposalList';

const today = () => new Date().toISOString().slice(0, 10);

/** One indicator: official values, a form to propose a value or target, and the pending proposals. */
export function IndicatorEntryCard({ indicator, territoryCode, rights, onChanged, onError }: {
  indicator: EntryIndicator;
  territoryCode: string;
  rights: EntryRights;
  onChanged: () => void;
  onError: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const kinds = indicator.enteredKinds.length > 0 ? indicator.enteredKinds : [];
  const [kind, setKind] = useState(kinds.includes('VA') ? 'VA' : (kinds[0] ?? 'VA'));
  const [value, setValue] = useState('');
  const [date, setDate] = useState(today());
  const [busy, setBusy] = useState(false);
  const o = indicator.official;
  const number = Number(value.replace(/\s/g, '').replace(',', '.'));
  const valid = value.trim() !== '' && Number.isFinite(number) && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const idBase = `ind-${indicator.id}`;

  const propose = async (submit: boolean) => {
    setBusy(true);
    try {
      await mutate(PROPOSE_VALUE, { input: { indicatorId: indicator.id, territoryCode, kind, date, value: number }, submit });
      setValue('');
      onChanged();
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)' }} component="section" aria-labelledby={`${idBase}-title`}>
      <Typography id={`${idBase}-title`} component="h3" variant="h3">{indicator.name} <Typography component="span" color="text.secondary">({indicator.unit})</Typography></Typography>
      <TableScroll label={t('entry.official')}><Table size="small" aria-label={t('entry.official')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('entry.initial')}</TableCell>
            <TableCell>{t('entry.current')}</TableCell>
            <TableCell>{t('entry.target')}</TableCell>
            <TableCell>{t('entry.rate')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>{formatNumber(o.initialValue, lng)} <small>{formatDate(o.initialDate, lng)}</small></TableCell>
            <TableCell>{formatNumber(o.currentValue, lng)} <small>{formatDate(o.currentDate, lng)}</small></TableCell>
            <TableCell>{formatNumber(o.globalTarget, lng)} <small>{formatDate(o.globalTargetDate, lng)}</small></TableCell>
            <TableCell>{formatRate(o.globalRate, lng)}</TableCell>
          </TableRow>
        </TableBody>
      </Table></TableScroll>
      {(['VI', 'VA', 'VC'] as const).filter((k) => !kinds.includes(k)).map((k) => (
        <Typography key={k} variant="body2" color="text.secondary">{t('entry.aggregated', { kind: t(`valueKinds.${k}`) })}</Typography>
      ))}
      {rights.proposeValues && kinds.length > 0 && (
        <Box component="form" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} onSubmit={(e) => { e.preventDefault(); if (valid) void propose(true); }}>
          <TextField select size="small" label={t('entry.kind')} value={kind} onChange={(e) => setKind(e.target.value)} sx={{ minWidth: 180 }} id={`${idBase}-kind`}>
            {[...kinds, ...(kinds.includes('VC') ? ['VC_INTERMEDIATE'] : [])].map((k) => <MenuItem key={k} value={k}>{t(`valueKinds.${k}`)}</MenuItem>)}
          </TextField>
          <TextField size="small" label={t('entry.value')} value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" id={`${idBase}-value`}
            error={value.trim() !== '' && !Number.isFinite(number)} />
          <TextField size="small" type="date" label={t('entry.date')} value={date} onChange={(e) => setDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} id={`${idBase}-date`} />
          <Button type="submit" variant="contained" disabled={!valid || busy}>{t('entry.propose')}</Button>
          <Button variant="text" disabled={!valid || busy} onClick={() => void propose(false)}>{t('entry.saveDraft')}</Button>
        </Box>
      )}
      <Box>
        <Typography component="h4" variant="subtitle2">{t('entry.proposed')}</Typography>
        <ProposalList items={indicator.proposals} rights={{ propose: rights.proposeValues, validate: rights.validateValues, publish: rights.publishValues }} onChanged={onChanged} onError={onError} />
      </Box>
    </Paper>
  );
}

import { Box, Button, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { formatDate } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, useInstance } from '../../instance/InstanceContext';
import { mutate, PROPOSE_NARRATIVE } from './entryApi';
import type { EntrySheet } from './entryTypes';
import { ProposalList } from './ProposalList';

type Kind = 'weather' | 'comment' | 'objective';

/** Météo + synthesis, comments and objectives: a form per kind, then the proposals and what is published. */
export function NarrativeEntryCard({ sheet, onChanged, onError }: { sheet: EntrySheet; onChanged: () => void; onError: (message: string) => void }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const lng = i18n.language;
  const [kind, setKind] = useState<Kind>('weather');
  const [weather, setWeather] = useState('CLOUDY');
  const [body, setBody] = useState('');
  const [type, setType] = useState('');
  const [busy, setBusy] = useState(false);
  const rights = sheet.rights;
  const valid = kind === 'weather' || body.trim() !== '';

  const propose = async () => {
    setBusy(true);
    try {
      const input = { policyId: sheet.policy.id, territoryCode: sheet.territory.code, kind, body, ...(kind === 'weather' ? { weather } : {}), ...(kind === 'comment' && type ? { type } : {}) };
      await mutate(PROPOSE_NARRATIVE, { input, submit: true });
      setBody('');
      onChanged();
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 2 }} component="section" aria-labelledby="narratives-title">
      <Typography id="narratives-title" component="h2" variant="h2">{t('entry.weather')}</Typography>
      {rights.proposeNarratives && (
        <Box component="form" sx={{ display: 'grid', gap: 1 }} onSubmit={(e) => { e.preventDefault(); if (valid) void propose(); }}>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <TextField select size="small" label={t('entry.kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)} sx={{ minWidth: 180 }} id="narrative-kind">
              <MenuItem value="weather">{t('entry.weatherLevel')}</MenuItem>
              <MenuItem value="comment">{t('entry.comment')}</MenuItem>
              <MenuItem value="objective">{t('entry.objective')}</MenuItem>
            </TextField>
            {kind === 'weather' && (
              <TextField select size="small" label={t('entry.weatherLevel')} value={weather} onChange={(e) => setWeather(e.target.value)} sx={{ minWidth: 220 }} id="narrative-weather">
                {(instance.weatherLevels.length > 0 ? instance.weatherLevels.map((w) => w.id) : ['SUNNY', 'CLOUDY', 'RAINY', 'STORMY', 'NOT_NEEDED']).map((id) => (
                  <MenuItem key={id} value={id}>{localize(instance.weatherLevels.find((w) => w.id === id)?.label, lng) || t(`weather.${id}`)}</MenuItem>
                ))}
              </TextField>
            )}
            {kind === 'comment' && instance.commentTypes.length > 0 && (
              <TextField select size="small" label={t('entry.commentType')} value={type} onChange={(e) => setType(e.target.value)} sx={{ minWidth: 200 }} id="narrative-type">
                {instance.commentTypes.map((c) => <MenuItem key={c.id} value={c.id}>{localize(c.label, lng)}</MenuItem>)}
              </TextField>
            )}
          </Box>
          <TextField multiline minRows={3} label={kind === 'weather' ? t('entry.synthesis') : t(`entry.${kind}`)} value={body} onChange={(e) => setBody(e.target.value)} id="narrative-body" />
          <Box><Button type="submit" variant="contained" disabled={!valid || busy}>{t('entry.propose')}</Button></Box>
        </Box>
      )}
      <Box>
        <Typography component="h3" variant="subtitle2">{t('entry.proposed')}</Typography>
        <ProposalList items={sheet.narrativeProposals} rights={{ propose: rights.proposeNarratives, validate: rights.validateNarratives, publish: rights.publishNarratives }} onChanged={onChanged} onError={onError} />
      </Box>
      <Box>
        <Typography component="h3" variant="subtitle2">{t('entry.recentNarratives')}</Typography>
        {sheet.narratives.map((n) => (
          <Typography key={n.id} variant="body2" sx={{ whiteSpace: 'pre-line', mb: 1 }}>
            <strong>{t(`entry.subjects.${n.kind}`, { defaultValue: n.kind })}</strong>{n.weather ? ` · ${t(`weather.${n.weather}`)}` : ''} — {n.body} <small>({[formatDate(n.date, lng), n.author].filter(Boolean).join(' · ')})</small>
          </Typography>
        ))}
      </Box>
    </Paper>
  );
}

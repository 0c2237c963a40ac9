import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel, MenuItem, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { localize, useInstance } from '../../instance/InstanceContext';
import { RouterLink } from '../../layout/RouterLink';
import { useSession } from '../../session/SessionContext';
import { errorText } from '../account/errorText';
import type { AlertSubscriptionInput } from '../../api/generated/graphql';
import { ALERT_WEATHERS, SUBSCRIBE_ALERT } from './alertsApi';
import { announceBookmarksChanged } from './bookmarksApi';

type Target = { policyId: string; territoryCode: string; territoryName: string; indicatorId?: undefined } | { indicatorId: string; territoryCode: string; territoryName: string; policyId?: undefined };

/** "M'alerter": subscribes to a policy's météo or trajectory, or to an indicator's rate under a threshold, at this territory. */
export function SubscribeAlertButton(target: Target) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const { info } = useSession();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'policy-weather' | 'policy-trajectory'>('policy-weather');
  const [weather, setWeather] = useState<string>('STORMY');
  const [threshold, setThreshold] = useState('50');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (!info?.authenticated) return null;
  const forIndicator = Boolean(target.indicatorId);
  const weatherLabel = (id: string) => localize(instance.weatherLevels.find((w) => w.id === id)?.label, i18n.language, t(`alertSubscriptions.weathers.${id}`));
  const submit = async () => {
    let input: AlertSubscriptionInput;
    if (forIndicator) {
      const value = Number(threshold.replace(',', '.'));
      if (!threshold.trim() || !Number.isFinite(value) || value < 0 || value > 100) return setProblem(t('alertSubscriptions.thresholdInvalid'));
      input = { kind: 'indicator-rate', indicatorId: target.indicatorId, territoryCode: target.territoryCode, threshold: value };
    } else {
      input = { kind, policyId: target.policyId, territoryCode: target.territoryCode, ...(kind === 'policy-weather' ? { weather } : {}) };
    }
    try {
      await mutate(SUBSCRIBE_ALERT, { input });
      setOpen(false);
      setDone(true);
      announceBookmarksChanged();
    } catch (error) {
      setProblem(errorText(error, t));
    }
  };
  return (
    <>
      <Button variant="outlined" onClick={() => { setProblem(null); setDone(false); setOpen(true); }}>{t('alertSubscriptions.button')}</Button>
      <Typography role="status" variant="body2" component="span" sx={{ alignSelf: 'center' }}>
        {done && <>{t('alertSubscriptions.subscribed')} <RouterLink to="/account">{t('alertSubscriptions.manage')}</RouterLink></>}
      </Typography>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <Box component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <DialogTitle id={titleId}>{t('alertSubscriptions.title', { territory: target.territoryName })}</DialogTitle>
          <DialogContent sx={{ display: 'grid', gap: 2 }}>
            <Typography variant="body2" color="text.secondary">{t('alertSubscriptions.help')}</Typography>
            {forIndicator ? (
              <TextField label={t('alertSubscriptions.threshold')} value={threshold} onChange={(e) => { setThreshold(e.target.value); setProblem(null); }}
                error={Boolean(problem)} helperText={problem ?? t('alertSubscriptions.thresholdHelp')} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
            ) : (
              <FormControl>
                <FormLabel id={`${titleId}-kind`}>{t('alertSubscriptions.when')}</FormLabel>
                <RadioGroup aria-labelledby={`${titleId}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
                  <FormControlLabel value="policy-weather" control={<Radio />} label={t('alertSubscriptions.kinds.policy-weather')} />
                  <FormControlLabel value="policy-trajectory" control={<Radio />} label={t('alertSubscriptions.kinds.policy-trajectory')} />
                </RadioGroup>
                {kind === 'policy-weather' && (
                  <TextField select label={t('alertSubscriptions.weather')} value={weather} onChange={(e) => setWeather(e.target.value)} sx={{ mt: 1 }}>
                    {ALERT_WEATHERS.map((id) => <MenuItem key={id} value={id}>{weatherLabel(id)}</MenuItem>)}
                  </TextField>
                )}
                {problem && <Typography color="error" role="alert">{problem}</Typography>}
              </FormControl>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{t('bookmarks.cancel')}</Button>
            <Button type="submit" variant="contained">{t('alertSubscriptions.subscribe')}</Button>
          </DialogActions>
        </Box>
      </Dialog>
    </>
  );
}

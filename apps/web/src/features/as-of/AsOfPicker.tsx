import { Box, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUrlState } from '../../state/useUrlState';
import { validAsOf } from './asOfDates';
import { useAsOf } from './useAsOf';

/**
 * "Valeurs au": the date the page is read at, kept in the URL (`asOf`). A bad or future date is
 * refused with a message next to the field and changes nothing; "Aujourd'hui" removes the parameter.
 */
export function AsOfPicker() {
  const { t } = useTranslation();
  const url = useUrlState();
  const { asOf, today } = useAsOf();
  const [error, setError] = useState<string | null>(null);
  const change = (value: string) => {
    if (value === '') return;
    const valid = validAsOf(value, today);
    if (!valid) {
      setError(t('asOf.invalid'));
      return;
    }
    setError(null);
    url.set({ asOf: valid === today ? null : valid });
  };
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 1 }}>
      <TextField type="date" size="small" label={t('asOf.label')} value={asOf ?? today} onChange={(event) => change(event.target.value)}
        error={Boolean(error)} helperText={error ?? t('asOf.help')} slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, 'data-testid': 'as-of-date' } }}
        sx={{ minWidth: 0, maxWidth: '100%' }} />
      {asOf && <Button variant="outlined" onClick={() => { setError(null); url.set({ asOf: null }); }}>{t('asOf.today')}</Button>}
    </Box>
  );
}

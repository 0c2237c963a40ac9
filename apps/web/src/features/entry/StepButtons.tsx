import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Step, STEPS, takeStep } from './entryApi';
import type { WorkflowItem } from './entryTypes';

export interface StepRights {
  propose: boolean;
  validate: boolean;
  publish: boolean;
}

/** The workflow steps this user may take on an item now (state × rights), with a reason dialog for refusals. */
export function StepButtons({ item, rights, onDone, onError }: { item: WorkflowItem; rights: StepRights; onDone: () => void; onError: (message: string) => void }) {
  const { t } = useTranslation('core');
  const [busy, setBusy] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const allowed: Record<Step, boolean> = { submit: rights.propose, validate: rights.validate, refuse: rights.validate, publish: rights.publish };
  const steps = STEPS.filter((step) => item.nextSteps.includes(step) && allowed[step]);
  const run = async (step: Step, refusal = '') => {
    setBusy(true);
    try {
      await takeStep(step, item.id, refusal);
      onDone();
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (steps.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {steps.map((step) => (
        <Button key={step} size="small" variant={step === 'refuse' ? 'outlined' : 'contained'} color={step === 'refuse' ? 'error' : 'primary'} disabled={busy}
          onClick={() => (step === 'refuse' ? setRefusing(true) : void run(step))}>
          {t(`entry.actions.${step}`)}
        </Button>
      ))}
      <Dialog open={refusing} onClose={() => setRefusing(false)} aria-labelledby={`refuse-${item.id}`}>
        <DialogTitle id={`refuse-${item.id}`}>{t('entry.refuseTitle')}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth multiline minRows={3} margin="dense" label={t('entry.refuseReason')} value={reason} onChange={(e) => setReason(e.target.value)} required />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRefusing(false)}>{t('entry.cancel')}</Button>
          <Button color="error" variant="contained" disabled={!reason.trim() || busy} onClick={() => { setRefusing(false); void run('refuse', reason); }}>
            {t('entry.actions.refuse')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

import { Button, Dialog, DialogContent, DialogTitle, Typography, useMediaQuery, useTheme } from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { useSession } from '../../session/SessionContext';
import { ROADMAP_CHOICES } from './roadmapApi';
import { RoadmapForm } from './RoadmapForm';

/**
 * The territory page's "choose the policies" button and form, for those who may steer this
 * territory (the server says so: the choices are refused to others, and then nothing shows).
 */
export function RoadmapEditor({ code, territoryName, onSaved }: { code: string; territoryName: string; onSaved: () => void }) {
  const { t } = useTranslation('core');
  const session = useSession();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const mayTry = Boolean(session.info?.authenticated) && session.may('update', 'Narrative');
  const { data, refetch } = useQuery(ROADMAP_CHOICES, { code }, { skip: !mayTry });
  const choices = data?.roadmapChoices;
  if (!mayTry || !choices) return null;
  return (
    <>
      <Button variant="outlined" onClick={() => { setSaved(null); setOpen(true); }} disabled={choices.length === 0} sx={{ mb: 1 }}>{t('roadmap.edit')}</Button>
      {choices.length === 0 && <Typography variant="body2" color="text.secondary">{t('roadmap.noChoices')}</Typography>}
      <Typography role="status" variant="body2">{saved}</Typography>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullScreen={phone} fullWidth maxWidth="md">
        <DialogTitle id={titleId}>{t('roadmap.title', { name: territoryName })}</DialogTitle>
        <DialogContent>
          <RoadmapForm
            code={code} choices={choices} onCancel={() => setOpen(false)}
            onSaved={(changed) => { setOpen(false); setSaved(t('roadmap.saved', { count: changed })); refetch(); onSaved(); }}
          />
        </DialogContent>
      </Dialog>
    </>
  );
}

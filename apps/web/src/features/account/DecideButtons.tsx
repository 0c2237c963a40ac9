import { Alert, Box, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { errorText } from './errorText';
import { type AccessRequest, DECIDE_ACCESS_REQUEST } from './accountApi';

/** Approve, or refuse with a reason (required: the requester reads it). */
export function DecideButtons({ request, onDecided }: { request: AccessRequest; onDecided: (approved: boolean) => void }) {
  const { t } = useTranslation('core');
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (approve: boolean) => {
    setError(null);
    try {
      await mutate(DECIDE_ACCESS_REQUEST, { id: request.id, approve, reason: approve ? null : reason.trim() });
      onDecided(approve);
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  return (
    <Box sx={{ display: 'grid', gap: 1, minWidth: 220 }}>
      {!refusing ? (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button variant="contained" size="small" onClick={() => void decide(true)} aria-label={t('account.requests.approveFor', { email: request.requesterEmail })}>{t('account.requests.approve')}</Button>
          <Button variant="outlined" size="small" onClick={() => setRefusing(true)} aria-label={t('account.requests.refuseFor', { email: request.requesterEmail })}>{t('account.requests.refuse')}</Button>
        </Box>
      ) : (
        <Box component="form" sx={{ display: 'grid', gap: 1 }} onSubmit={(e) => { e.preventDefault(); void decide(false); }}>
          <TextField size="small" required autoFocus label={t('account.requests.refusalReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button type="submit" size="small" variant="contained" color="error" disabled={!reason.trim()}>{t('account.requests.confirmRefusal')}</Button>
            <Button size="small" onClick={() => setRefusing(false)}>{t('account.requests.cancel')}</Button>
          </Box>
        </Box>
      )}
      {error && <Alert severity="error" role="alert">{error}</Alert>}
    </Box>
  );
}

import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks for the reason of a revocation (optional, kept in the audit trail) before revoking. */
export function RevokeDialog({ open, title, onCancel, onConfirm }: { open: boolean; title: string; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation('core');
  const [reason, setReason] = useState('');
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="revoke-title" fullWidth maxWidth="sm">
      <DialogTitle id="revoke-title">{title}</DialogTitle>
      <DialogContent>
        <TextField autoFocus fullWidth multiline minRows={2} margin="dense" id="revoke-reason" label={t('rights.revokeReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('rights.cancel')}</Button>
        <Button color="error" variant="contained" onClick={() => { onConfirm(reason.trim()); setReason(''); }}>{t('rights.revoke')}</Button>
      </DialogActions>
    </Dialog>
  );
}

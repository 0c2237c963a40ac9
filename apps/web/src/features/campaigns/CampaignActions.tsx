import { Box, Button, Link } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router';
import { mutate } from '../../api/mutate';
import { boardCsvHref, fieldError, REMIND_CAMPAIGN, UPDATE_CAMPAIGN } from './campaignApi';

interface Props {
  campaign: { id: string; name: string; status: string; deadline: string };
  canUpdate: boolean;
  onChanged: () => void;
}

/** Edit, close or reopen, remind the assignees now, download the board as CSV. */
export function CampaignActions({ campaign, canUpdate, onChanged }: Props) {
  const { t } = useTranslation('core');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      setMessage(done);
      onChanged();
    } catch (error) {
      const { reason, message: text } = fieldError(error);
      setMessage((reason && t(`campaignForm.errors.${reason}`, { defaultValue: '', name: campaign.name, deadline: campaign.deadline })) || text);
    } finally {
      setBusy(false);
    }
  };
  const open = campaign.status === 'open';
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        {canUpdate && <Button variant="outlined" component={RouterDomLink} to={`/campaigns/${campaign.id}/edit`}>{t('campaign.actions.edit')}</Button>}
        {canUpdate && open && (
          <Button variant="outlined" disabled={busy} onClick={() => void act(() => mutate(REMIND_CAMPAIGN, { id: campaign.id }), t('campaign.actions.reminded'))}>{t('campaign.actions.remind')}</Button>
        )}
        {canUpdate && (
          <Button
            variant="outlined" color={open ? 'error' : 'primary'} disabled={busy}
            onClick={() => void act(() => mutate(UPDATE_CAMPAIGN, { id: campaign.id, input: { status: open ? 'closed' : 'open' } }), open ? t('campaign.actions.closed') : t('campaign.actions.reopened'))}
          >
            {open ? t('campaign.actions.close') : t('campaign.actions.reopen')}
          </Button>
        )}
        <Link href={boardCsvHref(campaign.id)} download>{t('campaign.actions.csv')}</Link>
      </Box>
      <Box role="status" aria-live="polite">{message}</Box>
    </Box>
  );
}

import { Box, Typography } from '@mui/material';
import { ErrorState, LoadingState } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { mutate } from '../api/mutate';
import { useQuery } from '../api/useQuery';
import { SignInRequired } from '../features/account/SignInRequired';
import {
  CAMPAIGN_FORM_OPTIONS, type CampaignFields, CREATE_CAMPAIGN, EDITABLE_CAMPAIGN, UPDATE_CAMPAIGN,
} from '../features/campaigns/campaignApi';
import { CampaignForm } from '../features/campaigns/CampaignForm';
import { useSession } from '../session/SessionContext';
import { NotFoundPage } from './NotFoundPage';

const EMPTY: CampaignFields = { name: '', periodStart: '', periodEnd: '', deadline: '', indicatorIds: [], territoryCodes: [], assigneeEmails: [], assigneeRoles: [] };

/** `/campaigns/new` and `/campaigns/:id/edit`: open or change an entry campaign (holders of create / update Campaign). */
export default function CampaignFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const { t } = useTranslation('core');
  const navigate = useNavigate();
  const session = useSession();
  const signedIn = Boolean(session.info?.authenticated);
  const allowed = session.may(editing ? 'update' : 'create', 'Campaign');
  const options = useQuery(CAMPAIGN_FORM_OPTIONS, {}, { skip: !signedIn || !allowed });
  const current = useQuery(EDITABLE_CAMPAIGN, { id: id ?? '' }, { skip: !editing || !signedIn || !allowed });
  if (!session.info) return <LoadingState />;
  if (!signedIn) return <SignInRequired />;
  if (!allowed) return <NotFoundPage title={t('campaignForm.notAllowed')} />;
  if ((options.loading && !options.data) || (editing && current.loading && !current.data)) return <LoadingState />;
  if (editing && current.error && !current.data) return <NotFoundPage title={t('campaign.notFound')} />;
  if (options.error && !options.data) return <ErrorState error={options.error} action={{ label: t('app.retry'), onClick: options.refetch }} />;
  if (!options.data) return <LoadingState />;
  const campaign = current.data?.campaignBoard.campaign;
  const initial: CampaignFields = campaign
    ? { ...campaign, assigneeEmails: campaign.listedAssigneeEmails ?? [] }
    : EMPTY;
  const save = async (fields: CampaignFields) => {
    if (campaign) {
      await mutate(UPDATE_CAMPAIGN, { id: campaign.id, input: fields });
      void navigate(`/campaigns/${campaign.id}`);
    } else {
      const created = await mutate(CREATE_CAMPAIGN, { input: fields });
      void navigate(`/campaigns/${created.createCampaign.id}`);
    }
  };
  return (
    <Box sx={{ display: 'grid', gap: 2, minWidth: 0 }}>
      <Typography component="h1" variant="h1">{campaign ? t('campaignForm.editTitle', { name: campaign.name }) : t('campaignForm.newTitle')}</Typography>
      <Typography color="text.secondary">{t('campaignForm.intro')}</Typography>
      <CampaignForm
        key={campaign?.id ?? 'new'}
        options={options.data.campaignFormOptions}
        initial={initial}
        submitLabel={campaign ? t('campaignForm.save') : t('campaignForm.create')}
        onSubmit={save}
        onCancel={() => void navigate(campaign ? `/campaigns/${campaign.id}` : '/campaigns')}
      />
    </Box>
  );
}

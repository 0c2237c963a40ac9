import { Alert, Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { RouterLink } from '../../layout/RouterLink';
import type { RoleOption } from '../account/accountApi';
import { roleLabel } from '../account/roleLabel';
import { type RightDraft, scopeInput } from './GrantRightForm';
import { RIGHTS_PREVIEW } from './rightsApi';
import { rightsErrorText } from './rightsErrorText';

const SHOWN = 30;

/** "See as" without impersonation: what the role × scope being drafted would read, evaluated by the server on the referential. */
export function PreviewPanel({ draft, roles }: { draft: RightDraft | null; roles: RoleOption[] }) {
  const { t, i18n } = useTranslation('core');
  const ready = Boolean(draft?.roleId && (draft.territoryCode || draft.policyIds.length || draft.taxonomyIds.length));
  const { data, error, loading } = useQuery(RIGHTS_PREVIEW, ready && draft ? { roleId: draft.roleId, scope: scopeInput(draft) } : undefined, { skip: !ready });
  const preview = data?.rightsPreview;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="preview-title" sx={{ p: 2, display: 'grid', gap: 1, minWidth: 0 }}>
      <Typography id="preview-title" component="h2" variant="h2">{t('rights.preview.title')}</Typography>
      <Typography color="text.secondary">{t('rights.preview.intro')}</Typography>
      <Box aria-live="polite" sx={{ display: 'grid', gap: 1, minWidth: 0 }}>
        {!ready ? <Typography>{t('rights.preview.pick')}</Typography> : error ? <Alert severity="error">{rightsErrorText(error, t)}</Alert> : loading || !preview ? null : (
          <>
            <Typography>
              <strong>{roleLabel(roles, draft!.roleId, i18n.language)}</strong>{' — '}
              {preview.territory ? t('rights.preview.territory', { name: preview.territory.name, count: preview.territory.count }) : t('rights.preview.everywhere')}
            </Typography>
            <Typography>{t('rights.preview.policies', { count: preview.policies.length })}</Typography>
            {preview.policies.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: '1.25rem', overflowWrap: 'anywhere' }}>
                {preview.policies.slice(0, SHOWN).map((p) => <li key={p.id}>{p.name}</li>)}
                {preview.policies.length > SHOWN && <li>{t('rights.preview.more', { count: preview.policies.length - SHOWN })}</li>}
              </ul>
            )}
            <Typography>{t('rights.preview.actions', { list: preview.rules.map((r) => `${r.action.join('/')} ${r.subject.join('/')}`).join(', ') })}</Typography>
            <Box><RouterLink to={preview.dashboardPath}>{t('rights.preview.dashboard')}</RouterLink></Box>
          </>
        )}
      </Box>
    </Paper>
  );
}

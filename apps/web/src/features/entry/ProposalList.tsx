import { Box, Chip, type ChipProps, List, ListItem, Typography } from '@mui/material';
import { formatDate, formatNumber } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import type { WorkflowItem } from './entryTypes';
import { type StepRights, StepButtons } from './StepButtons';

// libs/workflow's states (a String in the schema).
const STATE_COLOR: Record<string, ChipProps['color']> = { draft: 'default', submitted: 'info', validated: 'success', refused: 'error', published: 'default' };

/** Proposals beside the official values: what, who, state, refusal reason, and the steps the user may take. */
export function ProposalList({ items, rights, onChanged, onError }: { items: WorkflowItem[]; rights: StepRights; onChanged: () => void; onError: (message: string) => void }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  if (items.length === 0) return <Typography color="text.secondary" variant="body2">{t('entry.noProposal')}</Typography>;
  return (
    <List dense aria-label={t('entry.proposals')}>
      {items.map((item) => (
        <ListItem key={item.id} divider sx={{ display: 'grid', gap: 0.5, alignItems: 'start' }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip size="small" color={STATE_COLOR[item.state] ?? 'default'} label={t(`entry.states.${item.state}`)} />
            {item.subjectKind === 'measure' ? (
              <Typography component="span">
                <strong>{t(`valueKinds.${item.measureKind}`, { defaultValue: item.measureKind ?? '' })}</strong> {formatNumber(item.value, lng)} · {formatDate(item.date, lng)}
              </Typography>
            ) : (
              <Typography component="span"><strong>{t(`entry.subjects.${item.subjectKind}`)}</strong>{item.weather ? ` · ${t(`weather.${item.weather}`, { defaultValue: item.weather })}` : ''}</Typography>
            )}
            {item.authorName && <Typography component="span" variant="body2" color="text.secondary">{t('entry.by', { author: item.authorName })}</Typography>}
          </Box>
          {item.body && <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>{item.body}</Typography>}
          {item.state === 'refused' && item.reason && <Typography variant="body2" color="error">{t('entry.reasonShown', { reason: item.reason })}</Typography>}
          <StepButtons item={item} rights={rights} onDone={onChanged} onError={onError} />
        </ListItem>
      ))}
    </List>
  );
}

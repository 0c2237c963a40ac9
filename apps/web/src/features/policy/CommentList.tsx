import { Box, Chip, Typography } from '@mui/material';
import { formatDate } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../api/types';
import { localize, useInstance } from '../../instance/InstanceContext';

export function CommentList({ title, items, emptyText }: { title: string; items: Comment[]; emptyText: string }) {
  const { i18n } = useTranslation('core');
  const instance = useInstance();
  return (
    <Box component="section" sx={{ breakInside: 'avoid' }}>
      <Typography component="h3" variant="h4" gutterBottom>{title}</Typography>
      {items.length === 0 ? <Typography color="text.secondary">{emptyText}</Typography> : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1.5 }}>
          {items.map((c) => (
            <li key={c.id}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', fontSize: '0.85rem', color: 'text.secondary' }}>
                {c.type && <Chip size="small" label={localize(instance.commentTypes.find((ct) => ct.id === c.type)?.label, i18n.language, c.type)} />}
                <span>{formatDate(c.date, i18n.language)}</span>
                {c.author && <span>· {c.author}</span>}
              </Box>
              <Typography sx={{ whiteSpace: 'pre-line', mt: 0.5 }}>{c.body}</Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

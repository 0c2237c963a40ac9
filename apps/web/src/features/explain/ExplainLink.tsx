import { Link } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useExplain } from './ExplainProvider';

/** A derived number (trend, gap to the median…) that opens its explanation; plain text when it has none. */
export function ExplainLink({ explanationId, label, children }: { explanationId: string | null | undefined; label: string; children: ReactNode }) {
  const { t } = useTranslation('core');
  const explain = useExplain();
  if (!explanationId) return <>{children}</>;
  return (
    <Link component="button" type="button" onClick={() => explain(explanationId)} aria-label={t('ui.explainLabel', { label })}
      sx={{ color: 'inherit', textDecorationStyle: 'dotted' }}>
      {children}
    </Link>
  );
}

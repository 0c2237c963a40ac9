import { Link } from '@mui/material';
import { VisuallyHidden } from '@pilote/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useExplain } from './ExplainProvider';

/** A derived number (trend, gap to the median…) that opens its explanation; plain text when it has none. */
export function ExplainLink({ explanationId, label, children }: { explanationId: string | null | undefined; label: string; children: ReactNode }) {
  const { t } = useTranslation('core');
  const explain = useExplain();
  if (!explanationId) return <>{children}</>;
  return (
    // The visible number starts the button's name (a label replacing it fails WCAG 2.5.3, "label in name").
    <Link component="button" type="button" onClick={() => explain(explanationId)}
      sx={{ color: 'inherit', textDecorationStyle: 'dotted' }}>
      {children}
      <VisuallyHidden>{` – ${t('ui.explainLabel', { label })}`}</VisuallyHidden>
    </Link>
  );
}

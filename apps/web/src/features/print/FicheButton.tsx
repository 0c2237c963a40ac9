import { Button } from '@mui/material';
import { VisuallyHidden } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useAsOf } from '../as-of/useAsOf';

/**
 * "Fiche PDF": the server prints the page's fiche (ADR 046) as the reader and sends the file.
 * A plain link: the browser downloads it with the reader's cookie, nothing is held in the page.
 */
export function FicheButton({ kind, id, territoryCode, name }: { kind: 'policy' | 'territory'; id: string; territoryCode?: string; name: string }) {
  const { t, i18n } = useTranslation('core');
  const { asOf } = useAsOf();
  const query = new URLSearchParams();
  if (territoryCode) query.set('territory', territoryCode);
  if (asOf) query.set('asOf', asOf);
  query.set('lang', i18n.language);
  const href = `/api/v1/fiches/${kind}/${encodeURIComponent(id)}.pdf?${query.toString()}`;
  return (
    <Button variant="contained" component="a" href={href} download>
      {t('fiche.button')}<VisuallyHidden>{` – ${name}`}</VisuallyHidden>
    </Button>
  );
}

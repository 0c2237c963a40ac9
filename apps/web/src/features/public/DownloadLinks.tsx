import { Box, Link } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { downloadUrl, schemaUrl } from './publicApi';

/** Next to each chart: the open-data files it is drawn from (CSV and Parquet, the same rows) and their Table Schema. */
export function DownloadLinks({ kind, id, label }: { kind: 'values' | 'indicator-rates' | 'policy-rates'; id: string; label: string }) {
  const { t } = useTranslation('core');
  return (
    <Box component="p" sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, m: 0, fontSize: '0.9rem' }}>
      <Link href={downloadUrl(kind, id)} download>{t(`public.download.${kind}`, { name: label })}</Link>
      <Link href={`${downloadUrl(kind, id)}?format=parquet`} download>{t(`public.download.${kind}-parquet`, { name: label })}</Link>
      <Link href={schemaUrl(kind)}>{t('public.download.schema')}</Link>
    </Box>
  );
}

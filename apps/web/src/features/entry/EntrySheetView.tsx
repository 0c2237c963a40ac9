import { Alert, Box, Typography } from '@mui/material';
import { EmptyState } from '@pilote/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntrySheet } from './entryTypes';
import { IndicatorEntryCard } from './IndicatorEntryCard';
import { NarrativeEntryCard } from './NarrativeEntryCard';
import { RateEffectTable } from './RateEffectTable';

/** The entry page's content: values and targets per indicator, the proposals' effect on rates, météo and texts. */
export function EntrySheetView({ sheet, onChanged }: { sheet: EntrySheet; onChanged: () => void }) {
  const { t } = useTranslation('core');
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const changed = () => {
    setMessage({ severity: 'success', text: t('entry.done') });
    onChanged();
  };
  const failed = (text: string) => setMessage({ severity: 'error', text: t('entry.failed', { message: text }) });
  const canAct = Object.values(sheet.rights).some(Boolean);
  return (
    <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Typography component="h1" variant="h1">{t('entry.title', { policy: sheet.policy.name, territory: sheet.territory.name })}</Typography>
      <Box role="status" aria-live="polite">{message && <Alert severity={message.severity} onClose={() => setMessage(null)}>{message.text}</Alert>}</Box>
      {!canAct && <Alert severity="info">{t('entry.readOnly')}</Alert>}
      <Box component="section" aria-labelledby="values-title" sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <Typography id="values-title" component="h2" variant="h2">{t('entry.values')}</Typography>
        {sheet.indicators.length === 0
          ? <EmptyState title={t('entry.noIndicators')} description=" " />
          : sheet.indicators.map((indicator) => (
            <IndicatorEntryCard key={indicator.id} indicator={indicator} territoryCode={sheet.territory.code} rights={sheet.rights} onChanged={changed} onError={failed} />
          ))}
      </Box>
      <RateEffectTable rows={sheet.effect} title={t('entry.effect')} description={t('entry.effectDescription')} empty={t('entry.noEffect')} />
      <NarrativeEntryCard sheet={sheet} onChanged={changed} onError={failed} />
    </Box>
  );
}

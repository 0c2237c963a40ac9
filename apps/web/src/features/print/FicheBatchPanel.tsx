import { Alert, Box, Button, LinearProgress, Link, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchGraphQL } from '../../api/graphql';
import { FicheBatchDocument, type FicheBatchFieldsFragment, FicheBatchesDocument, StartFicheBatchDocument } from '../../api/generated/graphql';
import { mutate } from '../../api/mutate';
import { localize, useInstance } from '../../instance/InstanceContext';
import { useSession } from '../../session/SessionContext';
import { useAsOf } from '../as-of/useAsOf';

const POLL_MS = 2_000;

/**
 * The fiches of this policy for every territory of a level, as one job (ADR 046): started here,
 * its progress (n / total) followed here by its owner, and the zip downloaded when it is done.
 */
export function FicheBatchPanel({ policyId, level }: { policyId: string; level: string }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const instance = useInstance();
  const session = useSession();
  const { asOf } = useAsOf();
  const [batch, setBatch] = useState<FicheBatchFieldsFragment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signedIn = Boolean(session.info?.authenticated);

  // The latest batch of this policy, if the reader started one before (a reload keeps it in view).
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    fetchGraphQL(FicheBatchesDocument, {}).then((answer) => live && setBatch(answer.ficheBatches.find((b) => b.policyId === policyId && b.level === level) ?? null), () => undefined);
    return () => {
      live = false;
    };
  }, [signedIn, policyId, level]);

  const running = batch && (batch.state === 'queued' || batch.state === 'running');
  useEffect(() => {
    if (!running || !batch) return;
    const timer = setTimeout(() => {
      fetchGraphQL(FicheBatchDocument, { id: batch.id }).then((answer) => setBatch(answer.ficheBatch ?? null), () => undefined);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, batch]);

  if (!signedIn) return null;
  const levelLabel = localize(instance.levels.find((l) => l.id === level)?.label, lng, level);
  const start = async () => {
    setError(null);
    try {
      const answer = await mutate(StartFicheBatchDocument, { policyId, level, asOf, lang: lng });
      setBatch(answer.startFicheBatch);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <Box component="section" aria-labelledby="fiche-batch-title" sx={{ display: 'grid', gap: 1 }}>
      <Typography id="fiche-batch-title" component="h2" variant="h4">{t('fiche.batch.title')}</Typography>
      <Box>
        <Button variant="outlined" onClick={() => void start()} disabled={Boolean(running)}>{t('fiche.batch.start', { level: levelLabel })}</Button>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {batch && (
        <Box role="status" sx={{ display: 'grid', gap: 0.5 }}>
          <Typography variant="body2">{t(`fiche.batch.state.${batch.state}`, { defaultValue: batch.state })} — {t('fiche.batch.progress', { done: batch.done, total: batch.total })}</Typography>
          <LinearProgress variant="determinate" value={batch.total ? (100 * batch.done) / batch.total : 0} aria-label={t('fiche.batch.progress', { done: batch.done, total: batch.total })} />
          {batch.failedCount > 0 && <Alert severity="warning">{t('fiche.batch.failed', { failed: batch.failedCount, message: batch.lastError ?? '' })}</Alert>}
          {batch.done > 0 && <Link href={batch.downloadUrl} download>{t('fiche.batch.download')}</Link>}
        </Box>
      )}
    </Box>
  );
}

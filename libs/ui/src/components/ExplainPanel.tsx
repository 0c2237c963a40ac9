import { Box, Button, Drawer, IconButton, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../format/format';
import type { Explanation } from '../types';
import { formulaText, inputLabels, reasonText, ruleName, valueText } from './explainLabels';
import { ErrorState, LoadingState } from './States';

export interface ExplainPanelProps {
  open: boolean;
  onClose: () => void;
  explanation?: Explanation | null;
  loading?: boolean;
  error?: unknown;
  /** Opens another explanation (an input's `ref`): drill down. */
  onDrill?: (ref: string) => void;
  /** Shown when the panel was reached by drilling down. */
  onBack?: () => void;
  /** Link to the territory an input comes from. */
  territoryHref?: (code: string) => string;
}

/** Drawer that says how a number was computed: rule, formula, every input with date and provenance. */
export function ExplainPanel({ open, onClose, explanation, loading, error, onDrill, onBack, territoryHref }: ExplainPanelProps) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const titleId = 'explain-panel-title';
  // A single rule often has one step that repeats the formula above: show only steps that add something.
  const steps = (explanation?.steps ?? []).filter((step) => step.formulaKey !== explanation?.formulaKey || step.formulaParams !== explanation?.formulaParams);
  return (
    <Drawer anchor="right" open={open} onClose={onClose}
      slotProps={{ paper: { role: 'dialog', 'aria-labelledby': titleId, sx: { width: { xs: '100%', sm: 560 }, p: 3 } } }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
        {onBack && <Button onClick={onBack} size="small">← {t('ui.explainPanel.back')}</Button>}
        <Typography id={titleId} component="h2" variant="h3" sx={{ flexGrow: 1 }}>
          {explanation?.title ?? t('ui.explainPanel.title')}
        </Typography>
        <IconButton onClick={onClose} aria-label={t('ui.close')}>✕</IconButton>
      </Box>
      {loading && <LoadingState />}
      {Boolean(error) && !loading && <ErrorState error={error} />}
      {explanation && !loading && (
        <Box>
          <Typography component="p" variant="h4" data-testid="explain-value">
            {explanation.value !== null && explanation.value !== undefined ? valueText(explanation, t, lng) : t('ui.explainPanel.notComputed')}
          </Typography>
          {(explanation.reasonCode || explanation.reason) && <Typography component="p" color="error">{t('ui.explainPanel.reason')} : {reasonText(explanation, t)}</Typography>}
          <Typography component="h3" variant="h4" sx={{ mt: 2 }}>{t('ui.explainPanel.formula')}</Typography>
          <Box component="pre" sx={{ whiteSpace: 'pre-wrap', bgcolor: 'background.paper', border: 1, borderColor: 'divider', p: 1.5, borderRadius: 1, fontSize: '0.9rem' }}>
            {formulaText(explanation, t, lng)}
          </Box>
          <Typography component="p" variant="body2" color="text.secondary">{t('ui.explainPanel.rule')} : {ruleName(explanation.ruleId, t)}</Typography>
          <Typography component="h3" variant="h4" sx={{ mt: 2 }}>{t('ui.explainPanel.inputs')}</Typography>
          {explanation.inputs.length === 0 ? (
            <Typography component="p">{t('ui.explainPanel.noInputs')}</Typography>
          ) : (
            <Box sx={{ overflowX: 'auto' }}>
              <Table size="small">
                <caption style={{ position: 'absolute', left: -10000 }}>{t('ui.explainPanel.inputs')}</caption>
                <TableHead>
                  <TableRow>
                    <TableCell component="th" scope="col">{t('ui.explainPanel.input')}</TableCell>
                    <TableCell component="th" scope="col" align="right">{t('ui.explainPanel.value')}</TableCell>
                    <TableCell component="th" scope="col">{t('ui.explainPanel.date')}</TableCell>
                    <TableCell component="th" scope="col">{t('ui.explainPanel.provenance')}</TableCell>
                    <TableCell component="th" scope="col" align="right">{t('ui.explainPanel.weight')}</TableCell>
                    <TableCell component="th" scope="col">{t('ui.explainPanel.territory')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {explanation.inputs.map((input, i) => {
                    const labels = inputLabels(input, t);
                    return (
                    <TableRow key={`${input.role}-${input.label}-${i}`}>
                      <TableCell component="th" scope="row">
                        {labels.role && <Box component="span" sx={{ display: 'block', fontSize: '0.75rem', color: 'text.secondary' }}>{labels.role}</Box>}
                        {input.ref && onDrill ? (
                          <Link component="button" onClick={() => onDrill(input.ref as string)} sx={{ textAlign: 'left' }}>{labels.label}</Link>
                        ) : labels.label}
                      </TableCell>
                      <TableCell align="right">{formatNumber(input.value, lng)}</TableCell>
                      <TableCell>{formatDate(input.date, lng)}</TableCell>
                      <TableCell>
                        {input.provenance ? t(`provenance.${input.provenance}`, { defaultValue: input.provenance }) : '—'}
                        {input.source && (
                          <Box component="span" sx={{ display: 'block', fontSize: '0.75rem', overflowWrap: 'anywhere' }}>
                            {input.source.url ? <Link href={input.source.url} rel="noopener noreferrer" target="_blank">{input.source.name}</Link> : input.source.name}
                            {input.source.syncedAt ? ` — ${t('ui.explainPanel.syncedAt', { date: formatDate(input.source.syncedAt.slice(0, 10), lng) })}` : ''}
                          </Box>
                        )}
                      </TableCell>
                      <TableCell align="right">{formatNumber(input.weight, lng)}</TableCell>
                      <TableCell>
                        {input.territoryCode && territoryHref ? (
                          <Link href={territoryHref(input.territoryCode)}>{input.territoryName ?? input.territoryCode}</Link>
                        ) : (input.territoryName ?? input.territoryCode ?? '—')}
                      </TableCell>
                    </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </Box>
          )}
          {steps.length > 0 && (
            <>
              <Typography component="h3" variant="h4" sx={{ mt: 2 }}>{t('ui.explainPanel.steps')}</Typography>
              <Box component="ol" sx={{ pl: 3, display: 'grid', gap: 1 }}>
                {steps.map((step) => (
                  <li key={step.id}>
                    {ruleName(step.ruleId, t)} : {formulaText(step, t, lng)}
                    {(step.reasonCode || step.reason) && <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>{reasonText(step, t)}</Box>}
                  </li>
                ))}
              </Box>
            </>
          )}
        </Box>
      )}
    </Drawer>
  );
}

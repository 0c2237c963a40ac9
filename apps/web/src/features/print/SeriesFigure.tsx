import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate, formatNumber } from '@pilote/ui';
import { useTranslation } from 'react-i18next';

export interface SeriesPoint { date: string; value: number; kind: string }

const WIDTH = 480;
const HEIGHT = 140;
const PAD = 28;

/**
 * An indicator's values and targets over time as a plain SVG (no chart library: a fiche of 300
 * indicators draws 300 of them) with its table of values beside it, for paper.
 */
export function SeriesFigure({ title, unit, points, targets }: { title: string; unit: string | null; points: SeriesPoint[]; targets: SeriesPoint[] }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const all = [...points, ...targets];
  if (all.length === 0) return <Typography variant="body2" color="text.secondary">{t('fiche.noSeries')}</Typography>;
  const times = all.map((p) => Date.parse(p.date));
  const values = all.map((p) => p.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(0, ...values), Math.max(...values)];
  const x = (date: string) => PAD + ((Date.parse(date) - t0) / (t1 - t0 || 1)) * (WIDTH - 2 * PAD);
  const y = (value: number) => HEIGHT - PAD / 2 - ((value - v0) / (v1 - v0 || 1)) * (HEIGHT - PAD);
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const path = sorted.map((p, i) => `${i ? 'L' : 'M'}${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const rows = [...sorted, ...targets.map((p) => ({ ...p, kind: 'target' }))].slice(-12);
  return (
    <Box component="figure" sx={{ m: 0, display: 'grid', gap: 1, gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'minmax(0, 3fr) minmax(0, 2fr)' } }}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('fiche.chartOf', { name: title })} style={{ width: '100%', height: 'auto' }}>
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD / 2} y2={HEIGHT - PAD / 2} stroke="currentColor" strokeOpacity={0.4} />
        <text x={2} y={12} fontSize={10} fill="currentColor">{formatNumber(v1, lng)}</text>
        <text x={2} y={HEIGHT - PAD / 2} fontSize={10} fill="currentColor">{formatNumber(v0, lng)}</text>
        <path d={path} fill="none" stroke="var(--pilote-accent, currentColor)" strokeWidth={2} />
        {sorted.map((p) => <circle key={`${p.date}-${p.kind}`} cx={x(p.date)} cy={y(p.value)} r={2.5} fill="currentColor" />)}
        {targets.map((p) => <rect key={`target-${p.date}`} x={x(p.date) - 4} y={y(p.value) - 4} width={8} height={8} fill="none" stroke="currentColor" strokeWidth={1.5} />)}
      </svg>
      <Table size="small" aria-label={t('fiche.tableOf', { name: title })} sx={{ '& td, & th': { py: 0.25, px: 0.5, fontSize: 11 } }}>
        <TableHead><TableRow><TableCell>{t('fiche.date')}</TableCell><TableCell align="right">{unit ? `${t('fiche.value')} (${unit})` : t('fiche.value')}</TableCell><TableCell>{t('fiche.kind')}</TableCell></TableRow></TableHead>
        <TableBody>
          {rows.map((p, i) => (
            <TableRow key={`${p.date}-${p.kind}-${i}`}>
              <TableCell>{formatDate(p.date, lng)}</TableCell>
              <TableCell align="right">{formatNumber(p.value, lng)}</TableCell>
              <TableCell>{p.kind === 'target' ? t('fiche.target') : p.kind}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { type DataFrame, formatDate, formatNumber, frameLength } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';

const MAX_SHOWN = 200;

/** Any DataFrame as a table: what a panel shows when its visualisation module is not enabled. */
export function FrameTable({ frame, caption }: { frame: DataFrame; caption: string }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const length = Math.min(frameLength(frame), MAX_SHOWN);
  const cell = (type: string, value: unknown) =>
    value === null || value === undefined ? '—' : type === 'number' ? formatNumber(value as number, lng) : type === 'time' ? formatDate(String(value), lng) : String(value);
  return (
    <TableContainer>
      <Table size="small">
        <caption>{caption}{frameLength(frame) > MAX_SHOWN ? ` — ${t('dataPanels.firstRows', { count: MAX_SHOWN })}` : ''}</caption>
        <TableHead>
          <TableRow>{frame.fields.map((field) => <TableCell key={field.name} component="th" scope="col">{field.label ?? field.name}{field.unit ? ` (${field.unit})` : ''}</TableCell>)}</TableRow>
        </TableHead>
        <TableBody>
          {Array.from({ length }, (_, row) => (
            <TableRow key={row}>{frame.fields.map((field) => <TableCell key={field.name}>{cell(field.type, field.values[row])}</TableCell>)}</TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

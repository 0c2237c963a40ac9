import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatNumber } from '@pilote/ui';
import { useTranslation } from 'react-i18next';

export interface UsageRow { key: string; label: string; cells: (number | string)[] }

/** A small table of usage figures: a caption, a first column that names the row, numbers after it. */
export function UsageTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: UsageRow[] }) {
  const { i18n } = useTranslation('core');
  return (
    <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Table size="small" sx={{ '& caption': { captionSide: 'top', textAlign: 'left', fontWeight: 700, px: 0 } }}>
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>{headers.map((header, i) => <TableCell key={header} scope="col" align={i === 0 ? 'left' : 'right'}>{header}</TableCell>)}</TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell component="th" scope="row" sx={{ overflowWrap: 'anywhere' }}>{row.label}</TableCell>
              {row.cells.map((cell, i) => <TableCell key={i} align="right">{typeof cell === 'number' ? formatNumber(cell, i18n.language, 0) : cell}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

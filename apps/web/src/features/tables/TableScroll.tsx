import { TableContainer } from '@mui/material';
import type { ReactNode } from 'react';
import { pinnedFirstColumn } from './pinnedFirstColumn';

/**
 * The box of a table wider than a phone: it scrolls sideways inside itself (not the page), keeps
 * the first column pinned, and can be scrolled with the keyboard (focusable, named by `label`).
 * `background`: what the table sits on (a card by default).
 */
export function TableScroll({ label, background, children }: { label: string; background?: 'background.paper' | 'background.default'; children: ReactNode }) {
  return (
    <TableContainer role="region" aria-label={label} tabIndex={0} sx={{ maxWidth: '100%', overflowX: 'auto', ...pinnedFirstColumn(background) }}>
      {children}
    </TableContainer>
  );
}

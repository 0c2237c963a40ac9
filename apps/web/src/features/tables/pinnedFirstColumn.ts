import type { SxProps, Theme } from '@mui/material';

/**
 * For the box that scrolls a wide table (phones, many columns): the first column (the row's name)
 * stays pinned on the left and the header row on top, so a row is never read without its name.
 * Pinned cells need an opaque background: the one the table sits on (`background`).
 */
export function pinnedFirstColumn(background: 'background.paper' | 'background.default' = 'background.paper') {
  return {
    // The box is the containing block of its cells' visually hidden texts (absolute): they scroll
    // with the table instead of widening the page.
    position: 'relative',
    '& tr > :first-child': { position: 'sticky', left: 0, zIndex: 1, bgcolor: background },
    '& thead th': { position: 'sticky', top: 0, zIndex: 2, bgcolor: background },
    '& thead th:first-child': { zIndex: 3 },
  } satisfies SxProps<Theme>;
}

import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** `**bold**` and `` `code` `` inside a line; everything else stays text (no HTML is ever injected). */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g).map((part, index) =>
    part.startsWith('**') && part.endsWith('**') ? <strong key={index}>{part.slice(2, -2)}</strong> : part.startsWith('`') && part.endsWith('`') && part.length > 1 ? <code key={index}>{part.slice(1, -1)}</code> : part,
  );
}

/** The small Markdown of a CHANGELOG section: `###` headings, `- ` items (continued on indented lines), paragraphs. */
export function NoteBody({ markdown }: { markdown: string }) {
  const blocks: { kind: 'heading' | 'item' | 'text'; text: string }[] = [];
  for (const line of markdown.split('\n')) {
    const heading = /^#{3,6}\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    const last = blocks[blocks.length - 1];
    if (heading) blocks.push({ kind: 'heading', text: heading[1] });
    else if (item) blocks.push({ kind: 'item', text: item[1] });
    else if (line.trim() === '') blocks.push({ kind: 'text', text: '' });
    else if (last && last.text !== '' && last.kind !== 'heading') last.text += ` ${line.trim()}`;
    else blocks.push({ kind: 'text', text: line.trim() });
  }
  const out: ReactNode[] = [];
  let items: ReactNode[] = [];
  const flush = () => {
    if (items.length) out.push(<Box component="ul" key={`ul-${out.length}`} sx={{ pl: 3, my: 1 }}>{items}</Box>);
    items = [];
  };
  blocks.forEach((block, index) => {
    if (block.kind === 'item') return void items.push(<li key={index}>{inline(block.text)}</li>);
    flush();
    if (block.kind === 'heading') out.push(<Typography key={index} component="h3" variant="h6" sx={{ mt: 2 }}>{inline(block.text)}</Typography>);
    else if (block.text) out.push(<Typography key={index} component="p" sx={{ my: 1 }}>{inline(block.text)}</Typography>);
  });
  flush();
  return <Box sx={{ overflowWrap: 'anywhere' }}>{out}</Box>;
}

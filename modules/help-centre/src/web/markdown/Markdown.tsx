import { Link, Typography } from '@mui/material';
import { Fragment, useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { type Block, type Inline, parseMarkdown } from './parse-markdown';

/** Renders article Markdown as React elements (never as HTML): the text of an article cannot inject markup. */
export function Markdown({ source, headingOffset = 1 }: { source: string; headingOffset?: number }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <>{blocks.map((block, index) => <BlockView key={index} block={block} headingOffset={headingOffset} />)}</>;
}

function BlockView({ block, headingOffset }: { block: Block; headingOffset: number }) {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, block.level + headingOffset) as 1 | 2 | 3 | 4 | 5 | 6;
      return <Typography component={`h${level}`} variant={`h${Math.min(6, level + 1)}` as 'h6'} sx={{ mt: 2, mb: 1 }}><Inlines nodes={block.children} /></Typography>;
    }
    case 'paragraph':
      return <Typography component="p" sx={{ mb: 1.5 }}><Inlines nodes={block.children} /></Typography>;
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return <List>{block.items.map((item, index) => <li key={index}><Inlines nodes={item} /></li>)}</List>;
    }
    case 'codeBlock':
      return <pre style={{ overflowX: 'auto' }}><code>{block.text}</code></pre>;
  }
}

function Inlines({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((node, index) => {
        switch (node.type) {
          case 'text':
            return <Fragment key={index}>{node.text}</Fragment>;
          case 'strong':
            return <strong key={index}><Inlines nodes={node.children} /></strong>;
          case 'em':
            return <em key={index}><Inlines nodes={node.children} /></em>;
          case 'code':
            return <code key={index}>{node.text}</code>;
          case 'link':
            return node.href.startsWith('/') ? (
              <Link key={index} component={RouterLink} to={node.href}><Inlines nodes={node.children} /></Link>
            ) : (
              <Link key={index} href={node.href}><Inlines nodes={node.children} /></Link>
            );
        }
      })}
    </>
  );
}

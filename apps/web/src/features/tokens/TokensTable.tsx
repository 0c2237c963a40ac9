import { Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatDate } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../tables/TableScroll';
import { type ApiToken, tokenState } from './tokensApi';

/** Tokens with their scopes, expiry, last use and state; active ones have a revoke button. */
export function TokensTable({ tokens, caption, onRevoke, busyId, showOwner = false }: { tokens: ApiToken[]; caption: string; onRevoke: (token: ApiToken) => void; busyId: string | null; showOwner?: boolean }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  return (
    <TableScroll label={caption}>
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('tokens.columns.name')}</TableCell>
            {showOwner && <TableCell component="th" scope="col">{t('tokens.columns.owner')}</TableCell>}
            <TableCell component="th" scope="col">{t('tokens.columns.scopes')}</TableCell>
            <TableCell component="th" scope="col">{t('tokens.columns.expires')}</TableCell>
            <TableCell component="th" scope="col">{t('tokens.columns.lastUsed')}</TableCell>
            <TableCell component="th" scope="col">{t('tokens.columns.state')}</TableCell>
            <TableCell component="th" scope="col">{t('tokens.columns.action')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tokens.map((token) => {
            const state = tokenState(token);
            return (
              <TableRow key={token.id}>
                <TableCell component="th" scope="row">{token.name}<br /><code>{token.prefix}…</code></TableCell>
                {showOwner && <TableCell>{token.ownerEmail}</TableCell>}
                <TableCell>{token.scopes.map((s) => t(`tokens.scopes.${s}`, { defaultValue: s })).join(', ')}</TableCell>
                <TableCell>{formatDate(token.expiresAt.slice(0, 10), lng)}</TableCell>
                <TableCell>{token.lastUsedAt ? formatDate(token.lastUsedAt.slice(0, 10), lng) : t('tokens.neverUsed')}</TableCell>
                <TableCell>{t(`tokens.states.${state}`)}</TableCell>
                <TableCell>
                  {state === 'active' && (
                    <Button size="small" color="error" variant="outlined" disabled={busyId === token.id} onClick={() => onRevoke(token)} aria-label={t('tokens.revokeLabel', { name: token.name })}>
                      {t('tokens.revoke')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

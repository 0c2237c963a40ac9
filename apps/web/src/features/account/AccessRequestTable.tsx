import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatDate } from '@pilote/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessRequest, RoleOption } from './accountApi';
import { useTerritoryNames } from '../../api/useTerritoryNames';
import { TableScroll } from '../tables/TableScroll';
import { roleLabel } from './roleLabel';
import { scopeText } from './scopeText';

/** Access requests as a table; `actions` adds a last column (approve / refuse for managers). */
export function AccessRequestTable({ caption, requests, roles, showRequester, actions }: {
  caption: string; requests: AccessRequest[]; roles?: RoleOption[]; showRequester?: boolean; actions?: (request: AccessRequest) => ReactNode;
}) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const nameOf = useTerritoryNames(requests.flatMap((r) => (r.scope.territoryCode ? [r.scope.territoryCode] : [])));
  return (
    <TableScroll label={caption} background="background.default">
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('account.requests.date')}</TableCell>
            {showRequester && <TableCell component="th" scope="col">{t('account.requests.requester')}</TableCell>}
            <TableCell component="th" scope="col">{t('account.requests.role')}</TableCell>
            <TableCell component="th" scope="col">{t('account.requests.scope')}</TableCell>
            <TableCell component="th" scope="col">{t('account.requests.reason')}</TableCell>
            <TableCell component="th" scope="col">{t('account.requests.status')}</TableCell>
            {actions && <TableCell component="th" scope="col">{t('account.requests.decision')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {requests.map((request) => (
            <TableRow key={request.id}>
              <TableCell>{formatDate(request.createdAt, lng)}</TableCell>
              {showRequester && <TableCell>{request.requesterEmail}</TableCell>}
              <TableCell>{roleLabel(roles, request.roleId, lng)}</TableCell>
              <TableCell>{scopeText(request.scope, t, nameOf)}</TableCell>
              <TableCell>{request.reason}</TableCell>
              <TableCell>
                {t(`account.requests.statuses.${request.status}`, { defaultValue: request.status })}
                {request.decisionReason ? ` — ${request.decisionReason}` : ''}
              </TableCell>
              {actions && <TableCell>{actions(request)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

import { Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatDate } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import type { RoleOption } from '../account/accountApi';
import { roleLabel } from '../account/roleLabel';
import { scopeText } from '../account/scopeText';
import { TableScroll } from '../tables/TableScroll';
import type { RightAssignment, RightsAccount } from './rightsApi';

/** Accounts of my administration scope and their rights there: role, scope, reason, who granted it; each right revocable. */
export function AccountsTable({ accounts, roles, caption, onRevoke, busyId }: {
  accounts: RightsAccount[]; roles: RoleOption[]; caption: string; onRevoke: (account: RightsAccount, right: RightAssignment) => void; busyId: string | null;
}) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  return (
    <TableScroll label={caption}>
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('rights.columns.account')}</TableCell>
            <TableCell component="th" scope="col">{t('rights.columns.rights')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {accounts.map((account) => (
            <TableRow key={account.id}>
              <TableCell component="th" scope="row" sx={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                {account.displayName}
                {account.displayName !== account.email && <><br />{account.email}</>}
                {account.status !== 'active' && <><br />{t('rights.disabled')}</>}
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>
                {account.assignments.length === 0 ? t('rights.noRight') : (
                  <ul style={{ margin: 0, paddingInlineStart: '1rem' }}>
                    {account.assignments.map((right) => (
                      <li key={right.id} style={{ marginBottom: '0.5rem' }}>
                        <strong>{roleLabel(roles, right.roleId, lng)}</strong> — {scopeText(right.scope, t)}
                        <br />
                        {t('rights.reasonLine', { reason: right.reason ?? t('rights.noReason') })}
                        {right.grantedByEmail && <> · {t('rights.grantedBy', { who: right.grantedByEmail, date: formatDate(right.createdAt.slice(0, 10), lng) })}</>}
                        {' '}
                        <Button size="small" color="error" variant="outlined" disabled={busyId === right.id} onClick={() => onRevoke(account, right)}
                          aria-label={t('rights.revokeLabel', { role: roleLabel(roles, right.roleId, lng), email: account.email })}>
                          {t('rights.revoke')}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

import { Alert, Autocomplete, Box, Button, MenuItem, Paper, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutate } from '../../api/mutate';
import { useInstance } from '../../instance/InstanceContext';
import type { RoleOption } from '../account/accountApi';
import { roleLabel } from '../account/roleLabel';
import { TerritorySelector } from '../home/TerritorySelector';
import { QuotasPanel } from './QuotasPanel';
import { GRANT_RIGHT, type NamedOption } from './rightsApi';
import { rightsErrorText } from './rightsErrorText';

export interface RightDraft { roleId: string; territoryCode: string; policyIds: string[]; taxonomyIds: string[] }

/** The scope as the API takes it: a combination of the dimensions chosen (the server stores one dimension alone as a simple scope). */
export function scopeInput(draft: RightDraft) {
  return { kind: 'combined', territoryCode: draft.territoryCode || null, policyIds: draft.policyIds, taxonomyIds: draft.taxonomyIds };
}

/** Role × (territory subtree × policies × taxonomies) for an e-mail, with the required reason; quotas shown for the territory. */
export function GrantRightForm({ roles, policies, taxonomies, onGranted, onDraft }: {
  roles: RoleOption[]; policies: NamedOption[]; taxonomies: NamedOption[]; onGranted: (email: string) => void; onDraft?: (draft: RightDraft) => void;
}) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const broadest = [...instance.levels].filter((l) => !l.perimeter).sort((a, b) => a.rank - b.rank)[0]?.id ?? '';
  const [email, setEmail] = useState('');
  const [draft, setDraftState] = useState<RightDraft>({ roleId: '', territoryCode: '', policyIds: [], taxonomyIds: [] });
  const [level, setLevel] = useState(broadest);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [quotaRevision, setQuotaRevision] = useState(0);
  const setDraft = (next: RightDraft) => { setDraftState(next); onDraft?.(next); };
  const grantable = [...roles].filter((r) => r.id !== 'public').sort((a, b) => b.rank - a.rank);
  const empty = !draft.territoryCode && draft.policyIds.length === 0 && draft.taxonomyIds.length === 0;
  const submit = async () => {
    setError(null);
    setDone(null);
    if (!reason.trim()) { setError(t('rights.errors.reasonRequired')); return; }
    try {
      await mutate(GRANT_RIGHT, { email: email.trim(), roleId: draft.roleId, scope: scopeInput(draft), reason: reason.trim() });
      setDone(t('rights.grant.done', { email: email.trim(), role: roleLabel(roles, draft.roleId, i18n.language) }));
      setReason('');
      setQuotaRevision((n) => n + 1);
      onGranted(email.trim());
    } catch (e) {
      setError(rightsErrorText(e, t));
    }
  };
  const pick = (options: NamedOption[], ids: string[]) => options.filter((o) => ids.includes(o.id));
  return (
    <Paper variant="outlined" component="form" noValidate sx={{ p: 2, display: 'grid', gap: 2, minWidth: 0 }} aria-labelledby="grant-title"
      onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Typography id="grant-title" component="h2" variant="h2">{t('rights.grant.title')}</Typography>
      <Typography color="text.secondary">{t('rights.grant.intro')}</Typography>
      <TextField required type="email" label={t('rights.grant.email')} value={email} onChange={(e) => setEmail(e.target.value)} id="grant-email" sx={{ maxWidth: 420 }} autoComplete="off" />
      <TextField select required label={t('rights.grant.role')} value={draft.roleId} onChange={(e) => setDraft({ ...draft, roleId: e.target.value })} id="grant-role" sx={{ maxWidth: 420 }}>
        {grantable.map((role) => <MenuItem key={role.id} value={role.id}>{roleLabel(roles, role.id, i18n.language)}</MenuItem>)}
      </TextField>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 2, minWidth: 0 }}>
        <Typography component="legend" sx={{ fontWeight: 700, mb: 1 }}>{t('rights.grant.scope')}</Typography>
        <Typography color="text.secondary" variant="body2">{t('rights.grant.scopeHelp')}</Typography>
        <TerritorySelector level={level} territoryCode={draft.territoryCode} onChange={(next) => { setLevel(next.level); setDraft({ ...draft, territoryCode: next.territory ?? '' }); }} />
        <Autocomplete multiple size="small" options={policies} value={pick(policies, draft.policyIds)} getOptionLabel={(o) => o.name} isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={(_, value) => setDraft({ ...draft, policyIds: value.map((v) => v.id) })} id="grant-policies"
          renderInput={(params) => <TextField {...params} label={t('rights.grant.policies')} helperText={t('rights.grant.policiesHelp')} />} />
        <Autocomplete multiple size="small" options={taxonomies} value={pick(taxonomies, draft.taxonomyIds)} getOptionLabel={(o) => o.name} isOptionEqualToValue={(a, b) => a.id === b.id}
          onChange={(_, value) => setDraft({ ...draft, taxonomyIds: value.map((v) => v.id) })} id="grant-taxonomies"
          renderInput={(params) => <TextField {...params} label={t('rights.grant.taxonomies')} helperText={t('rights.grant.taxonomiesHelp')} />} />
      </Box>
      {draft.territoryCode && <QuotasPanel territoryCode={draft.territoryCode} roles={roles} revision={quotaRevision} />}
      <TextField required multiline minRows={2} label={t('rights.grant.reason')} helperText={t('rights.grant.reasonHelp')} value={reason}
        onChange={(e) => setReason(e.target.value)} id="grant-reason" />
      <Box role="alert">{error && <Alert severity="error">{error}</Alert>}</Box>
      <Box role="status">{done && <Alert severity="success">{done}</Alert>}</Box>
      <Box><Button type="submit" variant="contained" disabled={!email.trim() || !draft.roleId || empty}>{t('rights.grant.submit')}</Button></Box>
    </Paper>
  );
}

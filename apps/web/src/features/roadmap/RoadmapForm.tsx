import { Box, Button, Checkbox, FormControlLabel, TextField, Typography } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLRequestError } from '../../api/graphql';
import { mutate } from '../../api/mutate';
import { errorText } from '../account/errorText';
import { MAX_OBJECTIVE, type RoadmapChoice, SET_ROADMAP } from './roadmapApi';

type Draft = Record<string, { selected: boolean; objective: string }>;

/** One checkbox per policy of the territory's level, and its local objective once chosen; saved at once. */
export function RoadmapForm({ code, choices, onSaved, onCancel }: { code: string; choices: RoadmapChoice[]; onSaved: (changed: number) => void; onCancel: () => void }) {
  const { t } = useTranslation('core');
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(choices.map((c) => [c.policyId, { selected: c.selected, objective: c.localObjective ?? '' }])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (id: string, change: Partial<Draft[string]>) => setDraft((current) => ({ ...current, [id]: { ...current[id], ...change } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const items = choices.filter((c) => draft[c.policyId].selected).map((c) => ({ policyId: c.policyId, localObjective: draft[c.policyId].objective.trim() || null }));
    const tooLong = items.filter((item) => (item.localObjective?.length ?? 0) > MAX_OBJECTIVE);
    if (tooLong.length > 0) {
      setErrors(Object.fromEntries(tooLong.map((item) => [item.policyId, t('roadmap.tooLong', { max: MAX_OBJECTIVE })])));
      setMessage(t('roadmap.fixErrors'));
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const result = await mutate(SET_ROADMAP, { code, items });
      onSaved(result.setRoadmap);
    } catch (error) {
      // The server names the item by its index in what was sent: put its words next to that policy.
      const field = error instanceof GraphQLRequestError ? (error.errors?.[0]?.extensions as { field?: string } | undefined)?.field : undefined;
      const index = field ? Number(/^items\.(\d+)\./.exec(field)?.[1]) : NaN;
      if (Number.isInteger(index) && items[index]) setErrors({ [items[index].policyId]: errorText(error, t) });
      setMessage(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ display: 'grid', gap: 2 }}>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 1.5, minWidth: 0 }}>
        <Typography component="legend" sx={{ mb: 1 }}>{t('roadmap.legend')}</Typography>
        {choices.map((choice) => {
          const item = draft[choice.policyId];
          return (
            <Box key={choice.policyId} sx={{ display: 'grid', gap: 1 }}>
              <FormControlLabel control={<Checkbox checked={item.selected} onChange={(e) => set(choice.policyId, { selected: e.target.checked })} />} label={choice.name} />
              {item.selected && (
                <TextField
                  size="small" multiline minRows={1} label={t('roadmap.objective', { name: choice.name })} value={item.objective}
                  onChange={(e) => set(choice.policyId, { objective: e.target.value })}
                  error={Boolean(errors[choice.policyId])} helperText={errors[choice.policyId] ?? t('roadmap.objectiveHelp', { max: MAX_OBJECTIVE })}
                  sx={{ ml: { xs: 0, sm: 4 } }}
                />
              )}
            </Box>
          );
        })}
      </Box>
      <Typography role="status" color={message ? 'error' : undefined}>{message}</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button type="submit" variant="contained" disabled={busy}>{t('roadmap.save')}</Button>
        <Button type="button" onClick={onCancel} disabled={busy}>{t('roadmap.cancel')}</Button>
      </Box>
    </Box>
  );
}

import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';

export interface AlertChipProps {
  code: string;
  message?: string;
  count?: number;
  selected?: boolean;
  onClick?: () => void;
}

/** An alert (code → translated label); with a count it becomes a filter toggle. */
export function AlertChip({ code, message, count, selected, onClick }: AlertChipProps) {
  const { t } = useTranslation('core');
  // `message` is the server's English sentence: only a last resort for a code this version does not know.
  const label = t(`alerts.${code}`, { defaultValue: message ?? code });
  return (
    <Chip
      size="small"
      color={selected ? 'primary' : 'warning'}
      variant={selected ? 'filled' : 'outlined'}
      label={count === undefined ? label : `${label} · ${count}`}
      onClick={onClick}
      aria-pressed={onClick ? Boolean(selected) : undefined}
      sx={{ fontWeight: 600, '& .MuiChip-label': { color: 'text.primary' } }}
    />
  );
}

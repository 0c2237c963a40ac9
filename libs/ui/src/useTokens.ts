import { useTheme } from '@mui/material/styles';
import type {} from '@pilote/theme-engine/web';
import type { ThemeTokens } from '@pilote/theme-engine';

/** The instance's semantic tokens (set by `createMuiThemeFromTokens` or the DSFR provider). */
export function useTokens(): ThemeTokens {
  const theme = useTheme();
  if (!theme.pilote) throw new Error('useTokens: the MUI theme has no `pilote` tokens; build it with createMuiThemeFromTokens');
  return theme.pilote;
}

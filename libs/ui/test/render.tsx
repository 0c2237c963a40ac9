import { ThemeProvider } from '@mui/material/styles';
import { createI18n } from '@pilote/i18n';
import { createMuiThemeFromTokens } from '@pilote/theme-engine/web';
import { neutralTokens } from '@pilote/theme-neutral';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

/** Renders with the neutral theme and the kit's texts in the given language. */
export function renderWithProviders(ui: ReactElement, { lng = 'en', ...options }: RenderOptions & { lng?: string } = {}) {
  const i18n = createI18n({ lng });
  const theme = createMuiThemeFromTokens(neutralTokens);
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={theme}>{children}</ThemeProvider>
    </I18nextProvider>
  );
  return render(ui, { wrapper: Wrapper, ...options });
}

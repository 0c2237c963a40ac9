import { neutralTokens } from '@pilote/theme-neutral';
import { dsfrTokens } from '@pilote/theme-dsfr';
import {
  checkContrast, contrastRatio, createNivoTheme, cssVariablesToString, mergeTokens, readableOn,
  sequentialColor, tokensToCssVariables, validateTokens,
} from './index';
import { createMuiThemeFromTokens } from './web';

describe('contrastRatio', () => {
  it('gives 21 for black on white and 1 for identical colours', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#ffffff')).toBeCloseTo(1, 5);
  });
  it('matches a known WCAG value (#767676 on white ≈ 4.54)', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 1);
  });
  it('rejects colours it cannot parse', () => {
    expect(() => contrastRatio('blue', '#fff')).toThrow(/Unsupported colour/);
  });
  it('picks the most readable candidate', () => {
    expect(readableOn('#111111', ['#222222', '#fafafa'])).toBe('#fafafa');
  });
});

describe.each([
  ['neutral', neutralTokens],
  ['dsfr', dsfrTokens],
])('shipped theme %s', (_name, tokens) => {
  it('is complete', () => expect(validateTokens(tokens)).toEqual([]));
  it('keeps every text pair at WCAG AA contrast', () => expect(checkContrast(tokens)).toEqual([]));
});

describe('checkContrast', () => {
  it('reports an unreadable pair', () => {
    const bad = mergeTokens(neutralTokens, { colors: { textMuted: '#bbbbbb' } });
    expect(checkContrast(bad).map((i) => i.pair)).toContain('textMuted/background');
  });
});

describe('mergeTokens', () => {
  it('overrides nested values and replaces arrays', () => {
    const merged = mergeTokens(neutralTokens, { colors: { primary: '#000000' }, chart: { categorical: ['#123456'] } });
    expect(merged.colors.primary).toBe('#000000');
    expect(merged.colors.text).toBe(neutralTokens.colors.text);
    expect(merged.chart.categorical).toEqual(['#123456']);
    expect(neutralTokens.colors.primary).not.toBe('#000000');
  });
});

describe('validateTokens', () => {
  it('lists every missing token with its path', () => {
    const errors = validateTokens({ colors: { primary: '#000' }, weather: {}, chart: { sequential: [] } });
    expect(errors).toEqual(expect.arrayContaining(['colors.text: expected a colour', 'weather.sunny: expected a colour', 'chart.sequential: expected at least 3 colours', 'radius: expected a number']));
  });
});

describe('tokensToCssVariables', () => {
  it('exposes semantic names as custom properties', () => {
    const vars = tokensToCssVariables(neutralTokens);
    expect(vars['--pilote-color-primary']).toBe(neutralTokens.colors.primary);
    expect(vars['--pilote-color-text-muted']).toBe(neutralTokens.colors.textMuted);
    expect(vars['--pilote-weather-not-filled']).toBe(neutralTokens.weather.notFilled);
    expect(vars['--pilote-radius']).toBe('6px');
    expect(cssVariablesToString({ '--x': 'a;}b' })).toBe(':root {\n  --x: ab;\n}');
  });
});

describe('createNivoTheme / sequentialColor', () => {
  it('uses text and border tokens', () => {
    const theme = createNivoTheme(neutralTokens);
    expect(theme.text.fill).toBe(neutralTokens.colors.text);
    expect(theme.grid.line.stroke).toBe(neutralTokens.colors.border);
  });
  it('maps rates onto the ramp and null onto noData', () => {
    const ramp = neutralTokens.chart.sequential;
    expect(sequentialColor(neutralTokens, 0)).toBe(ramp[0]);
    expect(sequentialColor(neutralTokens, 100)).toBe(ramp[ramp.length - 1]);
    expect(sequentialColor(neutralTokens, null)).toBe(neutralTokens.chart.noData);
  });
});

describe('createMuiThemeFromTokens', () => {
  it('maps tokens onto the MUI palette and keeps them on theme.pilote', () => {
    const theme = createMuiThemeFromTokens(neutralTokens);
    expect(theme.palette.primary.main).toBe(neutralTokens.colors.primary);
    expect(theme.palette.primary.contrastText).toBe(neutralTokens.colors.onPrimary);
    expect(theme.palette.background.paper).toBe(neutralTokens.colors.surface);
    expect(theme.shape.borderRadius).toBe(6);
    expect(theme.pilote.id).toBe('neutral');
  });
});

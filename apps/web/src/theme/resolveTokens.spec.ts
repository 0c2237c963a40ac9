import { dsfrTokens } from '@pilote/theme-dsfr';
import { neutralTokens } from '@pilote/theme-neutral';
import { resolveTokens } from './ThemeRoot';

describe('resolveTokens (instance theme from the API)', () => {
  it('applies the partial tokens of the instance over the theme it extends', () => {
    const tokens = resolveTokens({ extends: 'dsfr', tokens: { colors: { primary: '#123456' } } });
    expect(tokens.id).toBe(dsfrTokens.id);
    expect(tokens.colors.primary).toBe('#123456');
    expect(tokens.colors.text).toBe(dsfrTokens.colors.text);
  });

  it('falls back to the neutral theme for an unknown base or no theme at all', () => {
    expect(resolveTokens({ extends: 'nope', tokens: {} }).id).toBe(neutralTokens.id);
    expect(resolveTokens(null)).toEqual(neutralTokens);
  });
});

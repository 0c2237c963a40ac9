import { themeColorOf } from './theme-color';

describe('themeColorOf', () => {
  it("takes the instance's own primary colour first", () => {
    expect(themeColorOf({ extends: 'neutral', tokens: { colors: { primary: '#004b87' } } })).toBe('#004b87');
  });

  it('refuses a value that is not a colour (it would land in an HTML attribute)', () => {
    expect(themeColorOf({ extends: 'no-such-theme', tokens: { colors: { primary: '"><script>alert(1)</script>' } } })).toBeUndefined();
  });

  it('says nothing for a theme it cannot find', () => {
    expect(themeColorOf({ extends: 'no-such-theme', tokens: {} })).toBeUndefined();
    expect(themeColorOf({ extends: './theme', tokens: {} })).toBeUndefined();
  });
});

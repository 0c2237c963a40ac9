import { contrastRatio, hostThemeFrom } from './hostTheme';

const instance = { text: '#161616', background: '#ffffff' };
const ask = (query: string) => hostThemeFrom(new URLSearchParams(query), instance);

describe('hostThemeFrom: the host page colours an embed takes, only readable ones', () => {
  it('asks for nothing without theme=host, whatever else the URL says', () => {
    expect(ask('text=%23ffffff&background=%23000000')).toBeNull();
    expect(ask('theme=dark&background=%23000000')).toBeNull();
  });

  it('takes a readable dark pair, an accent readable on it, and a generic font family', () => {
    expect(ask('theme=host&text=%23F0F0F0&background=%231e1e1e&accent=%23ffb000&font=serif')).toEqual({
      theme: { text: '#f0f0f0', background: '#1e1e1e', accent: '#ffb000', font: 'serif' },
      dropped: [],
    });
  });

  it('drops a pair that cannot be read, and checks a colour given alone against the instance’s other one', () => {
    expect(ask('theme=host&text=%23777777&background=%23888888')).toEqual({ theme: {}, dropped: ['text', 'background'] });
    expect(ask('theme=host&background=%23222222')).toEqual({ theme: {}, dropped: ['background'] }); // instance text #161616 on it
    expect(ask('theme=host&background=%23fff8e7')).toEqual({ theme: { background: '#fff8e7' }, dropped: [] });
  });

  it('drops an accent unreadable on the background (a yellow link on white)', () => {
    expect(ask('theme=host&accent=%23ffe600')).toEqual({ theme: {}, dropped: ['accent'] });
    expect(ask('theme=host&accent=%23000091')).toEqual({ theme: { accent: '#000091' }, dropped: [] });
  });

  it('refuses anything but #rrggbb colours and the known font families: nothing reaches CSS as text', () => {
    const result = ask('theme=host&text=red&background=url(javascript:alert(1))&accent=%23fff;color:red&font=Comic%20Sans');
    expect(result).toEqual({ theme: {}, dropped: ['text', 'background', 'accent', 'font'] });
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThan(4.5); // the lightest grey usable on white
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});

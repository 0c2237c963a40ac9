import { formatNumber, formatOperand } from './format';

describe('formatNumber', () => {
  it('keeps integers whole, including large ones', () => {
    expect(formatNumber(55)).toBe('55');
    expect(formatNumber(1053711)).toBe('1053711');
  });
  it('rounds decimals to 2 digits and trims zeros', () => {
    expect(formatNumber(76.14285714)).toBe('76.14');
    expect(formatNumber(2.5)).toBe('2.5');
  });
  it('keeps 4 significant digits below 1', () => {
    expect(formatNumber(0.0012346)).toBe('0.001235');
  });
  it('uses a true minus sign and never prints −0', () => {
    expect(formatNumber(-29.5)).toBe('−29.5');
    expect(formatNumber(-1e-12)).toBe('0');
  });
  it('wraps negative operands in parentheses', () => {
    expect(formatOperand(-3)).toBe('(−3)');
    expect(formatOperand(3)).toBe('3');
  });
});

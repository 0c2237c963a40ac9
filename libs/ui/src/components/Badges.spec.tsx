import { screen } from '@testing-library/react';
import { neutralTokens } from '@pilote/theme-neutral';
import { renderWithProviders } from '../../test/render';
import { RateGauge } from './RateGauge';
import { TrendIcon } from './TrendIcon';
import { WeatherBadge } from './WeatherBadge';

describe('RateGauge', () => {
  it('has a text alternative with the value, and writes min/median/max out', () => {
    renderWithProviders(<RateGauge label="Overall rate" value={63.4} min={12} median={55} max={91} />);
    expect(screen.getByRole('img', { name: 'Overall rate: 63\u00a0%' })).toBeTruthy();
    expect(screen.getByText(/^Min 12\s% · median 55\s% · max 91\s%$/)).toBeTruthy();
  });
  it('explains a missing rate', () => {
    renderWithProviders(<RateGauge label="Annual rate" value={null} reason="No target this year" />);
    expect(screen.getByRole('img', { name: 'Annual rate: not computed (No target this year)' })).toBeTruthy();
  });
});

describe('WeatherBadge', () => {
  it('names the level in words and uses the tone token', () => {
    const { container } = renderWithProviders(<WeatherBadge level="STORMY" />);
    expect(screen.getByText('Targets out of reach')).toBeTruthy();
    expect(container.querySelector('[data-tone="stormy"]')).toBeTruthy();
  });
  it('prefers the instance label and treats a missing weather as not filled', () => {
    renderWithProviders(<><WeatherBadge level="SUNNY" label="Tout va bien" /><WeatherBadge level={null} /></>);
    expect(screen.getByText('Tout va bien')).toBeTruthy();
    expect(screen.getByText('Not filled in')).toBeTruthy();
    expect(neutralTokens.weather.notFilled).toBeTruthy();
  });
});

describe('TrendIcon', () => {
  it('gives the direction in words', () => {
    renderWithProviders(<TrendIcon direction="down" delta={-3.25} />);
    expect(screen.getByText('Falling')).toBeTruthy();
    expect(screen.getByText('-3.3')).toBeTruthy();
  });
});

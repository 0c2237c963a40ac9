import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import { RateGauge } from './RateGauge';

describe('<RateGauge>', () => {
  it('opens the explanation of the statistic the user picks', async () => {
    const opened: string[] = [];
    renderWithProviders(<RateGauge label="Global rate" value={55} min={10} median={40} max={75} onExplainStat={(stat) => opened.push(stat)} />);
    await userEvent.click(screen.getByRole('button', { name: /^40\s%.*Global rate, median/ }));
    await userEvent.click(screen.getByRole('button', { name: /^75\s%.*Global rate, max/ }));
    expect(opened).toEqual(['median', 'max']);
  });

  it('writes the statistics as plain text when nothing explains them', () => {
    renderWithProviders(<RateGauge label="Global rate" value={55} min={10} median={40} max={75} />);
    expect(screen.queryByRole('button', { name: /median/ })).toBeNull();
    expect(screen.getByText(/median 40/)).toBeTruthy();
  });
});

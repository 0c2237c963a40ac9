import { compareCodes, departmentSvgId, displayCode, isRegionCode } from './territoryCode';

describe('territory codes', () => {
  it('shows the official code without the level letter', () => {
    expect(['FRANCE', 'R84', 'D13', 'D2A', 'D971', 'E200054807', 'C13055'].map(displayCode)).toEqual(['FRANCE', '84', '13', '2A', '971', '200054807', '13055']);
  });

  it('finds the SVG id of a département and nothing for other levels', () => {
    expect(['D13', 'D2A', 'D971', 'R84', 'C13055', 'FRANCE'].map(departmentSvgId)).toEqual(['13', '2A', '971', null, null, null]);
  });

  it('tells régions (drawn through their départements) from the levels that need geometry files', () => {
    expect(['R84', 'R01', 'D13', 'E200054807', 'C13055', 'FRANCE', 'R8'].map(isRegionCode)).toEqual([true, true, false, false, false, false, false]);
  });

  it('sorts départements in INSEE order, Corsica between 19 and 21, overseas last', () => {
    expect(['D971', 'D21', 'D2A', 'D01', 'D2B', 'D19'].sort(compareCodes)).toEqual(['D01', 'D19', 'D2A', 'D2B', 'D21', 'D971']);
  });
});

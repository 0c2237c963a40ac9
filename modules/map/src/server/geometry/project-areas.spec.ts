import type { AreaFeature, Position } from './area-geometry';
import { matchFeatures, unknownCodes } from './match-features';
import { projectAreas } from './project-areas';
import { rewindForD3 } from './rewind';

// Exterior ring counter-clockwise (RFC 7946); rewound as the parser does.
const square = (code: string, x: number, y: number, size = 0.2): AreaFeature => ({
  code,
  geometry: rewindForD3({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]] as Position[]] }),
});

const points = (d: string) => [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('projecting areas for the screen', () => {
  it('fits the areas to the width, west on the left and north at the top', () => {
    const { viewBox, areas } = projectAreas([square('W', -4.6, 48.2), square('E', -4.2, 48.2), square('N', -4.4, 48.6)], 600);
    const [, , width, height] = viewBox.split(' ').map(Number);
    expect(width).toBe(600);
    // Conformal: 0.6° of latitude is 1.5 times 0.6° of longitude at 48.5° N (a plate carrée would give 600).
    expect(height).toBeGreaterThan(850);
    expect(height).toBeLessThan(960);
    const centre = (code: string) => {
      const xy = points(areas.find((a) => a.code === code)!.d);
      return [xy.reduce((s, p) => s + p[0], 0) / xy.length, xy.reduce((s, p) => s + p[1], 0) / xy.length];
    };
    expect(centre('W')[0]).toBeLessThan(centre('E')[0]);
    expect(centre('N')[1]).toBeLessThan(centre('W')[1]);
    for (const area of areas) {
      expect(area.d).toMatch(/^M[\d.,L-]+Z$/);
      for (const [x, y] of points(area.d)) {
        expect(x).toBeGreaterThanOrEqual(-0.5);
        expect(x).toBeLessThanOrEqual(600.5);
        expect(y).toBeGreaterThanOrEqual(-0.5);
        expect(y).toBeLessThanOrEqual(height + 0.5);
      }
    }
  });

  it('draws a territory in its place, not the whole world around it, whatever the winding of the file', () => {
    const rewound = square('A', -4.5, 48.3);
    const ring = rewound.geometry.coordinates[0] as Position[];
    const fromClockwiseFile = rewindForD3({ type: 'Polygon', coordinates: [[...ring].reverse()] });
    expect(projectAreas([{ code: 'A', geometry: fromClockwiseFile }]).areas[0].d).toBe(projectAreas([rewound]).areas[0].d);
    // The square fills the width: a ring read the wrong way round would make it a speck in the world.
    const xs = points(projectAreas([rewound]).areas[0].d).map(([x]) => x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(590);
  });

  it('draws nothing for no area', () => {
    expect(projectAreas([])).toEqual({ viewBox: '0 0 600 600', areas: [] });
  });
});

describe('matching features with territories', () => {
  const features = [square('29019', -4.5, 48.3), square('C29075', -4.3, 48.4), square('99999', 0, 0)];
  const territories = [{ code: 'C29019', insee_code: '29019' }, { code: 'C29075', insee_code: '29075' }, { code: 'C29189', insee_code: '29189' }];

  it('accepts the official code or the kit code, and answers with the kit code', () => {
    expect(matchFeatures(features, territories).map((f) => f.code)).toEqual(['C29019', 'C29075']);
  });

  it('counts the feature codes that are no territory of the level', () => {
    expect(unknownCodes(features, territories)).toEqual(['99999']);
  });
});

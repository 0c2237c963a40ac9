import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { renderWithProviders } from '../../../../../libs/ui/test/render';
import type { Instance } from '../../api/types';
import { InstanceContext } from '../../instance/InstanceContext';
import { ExportFigureMenu } from './ExportFigureMenu';
import { exportFileName, figureSvg } from './figureExport';

const SVG_NS = 'http://www.w3.org/2000/svg';

function drawnFigure(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('viewBox', '0 0 300 150');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M0 0L300 150');
  svg.appendChild(path);
  return svg;
}

describe('figure export', () => {
  it('puts the figure under its title, above the instance name and data date, on the page background', () => {
    const { markup, width, height } = figureSvg(drawnFigure(), { title: 'Structures — Bretagne', footer: 'PILOTE · Données au 30 sept. 2026', background: '#ffffff', text: '#161616' });
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const root = doc.documentElement;
    expect(markup.startsWith(`<svg xmlns="${SVG_NS}"`)).toBe(true);
    expect(root.namespaceURI).toBe(SVG_NS);
    expect([width, height]).toEqual([324, 216]); // 300 + 2 × 12 margins; 150 + 36 title + 30 footer
    expect([...root.querySelectorAll(':scope > text')].map((t) => t.textContent)).toEqual(['Structures — Bretagne', 'PILOTE · Données au 30 sept. 2026']);
    expect(root.querySelector('title')?.textContent).toBe('Structures — Bretagne');
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    const figure = root.querySelector(':scope > svg');
    expect(figure?.getAttribute('y')).toBe('36');
    expect(figure?.querySelector('path')?.getAttribute('d')).toBe('M0 0L300 150');
  });

  it('names the file from the title and the date, without characters a file system refuses', () => {
    expect(exportFileName('Taux global par Région — France', '2026-09-30', 'png')).toBe('Taux_global_par_Région_France-2026-09-30.png');
    expect(exportFileName('A/B: C', null, 'svg')).toBe('A_B_C.svg');
  });

  it('downloads the SVG with the instance name and the date in the reader\'s language from the menu', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => { blobs.push(blob); return 'blob:figure'; });
    URL.revokeObjectURL = jest.fn();
    const clicks: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicks.push(this.download); });
    function Figure() {
      const ref = useRef<HTMLDivElement>(null);
      return (
        <div ref={ref}>
          <svg role="img" aria-label="carte" viewBox="0 0 100 50"><path d="M0 0" /></svg>
          <ExportFigureMenu target={ref} title="Nombre de structures" asOf="2026-09-30" />
        </div>
      );
    }
    const user = userEvent.setup();
    renderWithProviders(
      <InstanceContext.Provider value={{ name: { fr: 'PILOTE — démonstration', en: 'PILOTE — demo' } } as unknown as Instance}><Figure /></InstanceContext.Provider>,
      { lng: 'fr' },
    );
    await user.click(screen.getByRole('button', { name: "Exporter l'image" }));
    await user.click(screen.getByRole('menuitem', { name: 'Image SVG (vectorielle)' }));
    await waitFor(() => expect(clicks).toEqual(['Nombre_de_structures-2026-09-30.svg']));
    // jsdom's Blob has no text(): read it as the browser would.
    const text = await new Promise<string>((resolve) => { const reader = new FileReader(); reader.onload = () => resolve(String(reader.result)); reader.readAsText(blobs[0]); });
    expect(text).toContain('PILOTE — démonstration · Données au 30 sept. 2026');
    expect(text).toContain('>Nombre de structures<');
    expect(blobs[0].type).toBe('image/svg+xml;charset=utf-8');
  });
});

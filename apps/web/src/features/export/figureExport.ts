/**
 * A chart or map (an inline <svg>) as a self-contained image: a title above, the instance's name and
 * the date the data is as of below, on the page's background, so the image still says what it
 * shows and when once pasted in a note. SVG as is, PNG drawn from it at twice the size.
 */
export interface FigureCaption {
  title: string;
  /** e.g. "PILOTE — démonstration · Données au 30 sept. 2026" */
  footer: string;
  background: string;
  text: string;
  fontFamily?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const HEADER = 36;
const FOOTER = 30;
const PAD = 12;

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const viewBox = svg.viewBox?.baseVal;
  const width = box.width || Number(svg.getAttribute('width')) || viewBox?.width || 600;
  const height = box.height || Number(svg.getAttribute('height')) || viewBox?.height || 400;
  return { width: Math.round(width), height: Math.round(height) };
}

/** The figure's markup as a standalone SVG document with its caption (pure DOM: testable in jsdom). */
export function figureSvg(svg: SVGSVGElement, caption: FigureCaption): { markup: string; width: number; height: number } {
  const { width, height } = sizeOf(svg);
  const total = { width: width + 2 * PAD, height: height + HEADER + FOOTER };
  const doc = svg.ownerDocument;
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('width', String(total.width));
  root.setAttribute('height', String(total.height));
  root.setAttribute('viewBox', `0 0 ${total.width} ${total.height}`);
  root.setAttribute('font-family', caption.fontFamily ?? 'Marianne, Arial, sans-serif');
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = caption.title;
  root.appendChild(title);
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', caption.background);
  root.appendChild(background);
  const text = (content: string, y: number, size: number, weight: string) => {
    const node = doc.createElementNS(SVG_NS, 'text');
    node.setAttribute('x', String(PAD));
    node.setAttribute('y', String(y));
    node.setAttribute('font-size', String(size));
    node.setAttribute('font-weight', weight);
    node.setAttribute('fill', caption.text);
    node.textContent = content;
    root.appendChild(node);
  };
  text(caption.title, 24, 16, '700');
  // The figure itself, at its size on the page (its own viewBox keeps its drawing).
  const figure = svg.cloneNode(true) as SVGSVGElement;
  figure.setAttribute('x', String(PAD));
  figure.setAttribute('y', String(HEADER));
  figure.setAttribute('width', String(width));
  figure.setAttribute('height', String(height));
  figure.removeAttribute('style');
  root.appendChild(figure);
  text(caption.footer, total.height - 10, 12, '400');
  return { markup: new XMLSerializer().serializeToString(root), ...total };
}

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the title and the date: letters, digits, dots and dashes only. */
export function exportFileName(title: string, date: string | null, extension: 'png' | 'svg'): string {
  return `${[title, date].filter(Boolean).join('-')}.${extension}`.replace(/[^\p{L}\p{N}.-]+/gu, '_');
}

export function downloadSvg(svg: SVGSVGElement, caption: FigureCaption, fileName: string): void {
  download(fileName, new Blob([figureSvg(svg, caption).markup], { type: 'image/svg+xml;charset=utf-8' }));
}

/** Draws the captioned SVG on a canvas (twice the size, for sharp text) and downloads it as PNG. */
export async function downloadPng(svg: SVGSVGElement, caption: FigureCaption, fileName: string): Promise<void> {
  const { markup, width, height } = figureSvg(svg, caption);
  const image = new Image();
  const source = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The figure could not be drawn as an image.'));
      image.src = source;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image could not be encoded as PNG.');
    download(fileName, blob);
  } finally {
    URL.revokeObjectURL(source);
  }
}

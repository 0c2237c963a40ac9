import { Button, Menu, MenuItem } from '@mui/material';
import { formatDate, useTokens } from '@pilote/ui';
import { useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, useInstance } from '../../instance/InstanceContext';
import { downloadPng, downloadSvg, exportFileName, type FigureCaption } from './figureExport';

/**
 * "Exporter l'image" menu of a chart or map: PNG or SVG of the figure drawn in `target` (its
 * `svg[role="img"]`), titled, with the instance's name and the date its data is as of.
 */
export function ExportFigureMenu({ target, title, asOf }: { target: RefObject<HTMLElement | null>; title: string; asOf: string | null }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const tokens = useTokens();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [failed, setFailed] = useState(false);
  const menuId = useId();
  const lng = i18n.language;
  const caption: FigureCaption = {
    title,
    footer: asOf ? t('export.footer', { instance: localize(instance.name, lng), date: formatDate(asOf, lng) }) : localize(instance.name, lng),
    background: tokens.colors.background,
    text: tokens.colors.text,
  };
  const run = async (format: 'png' | 'svg') => {
    setAnchor(null);
    const svg = target.current?.querySelector<SVGSVGElement>('svg[role="img"]');
    if (!svg) return setFailed(true);
    try {
      if (format === 'svg') downloadSvg(svg, caption, exportFileName(title, asOf, 'svg'));
      else await downloadPng(svg, caption, exportFileName(title, asOf, 'png'));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <Button size="small" variant="text" className="no-print" aria-haspopup="menu" aria-controls={anchor ? menuId : undefined} aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}>
        {t('export.button')}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void run('png')}>{t('export.png')}</MenuItem>
        <MenuItem onClick={() => void run('svg')}>{t('export.svg')}</MenuItem>
      </Menu>
      {failed && <span role="alert">{t('export.failed')}</span>}
    </>
  );
}

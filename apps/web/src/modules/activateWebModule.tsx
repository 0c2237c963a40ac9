import { localizedName, registerVisualisation, type WebModuleManifest } from '@pilote/module-sdk/web';
import { registerWidget } from '@pilote/ui';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Plugs one module's web part into the shell: translations (namespace = module id), widgets into
 * their zones, nav items into the header zone, visualisations. Returns a function undoing it all.
 */
export function activateWebModule(module: WebModuleManifest, i18n: I18n): () => void {
  const undo: (() => void)[] = [];
  if (module.i18n) {
    i18n.addResourceBundle('fr', module.id, module.i18n.fr, true, true);
    i18n.addResourceBundle('en', module.id, module.i18n.en, true, true);
    void i18n.loadNamespaces(module.id);
  }
  const web = module.web ?? {};
  for (const widget of web.widgets ?? []) undo.push(registerWidget(widget.zone, widget.component, { id: `${module.id}.${widget.id}`, order: widget.order }));
  for (const item of web.navItems ?? []) {
    const NavItem = () => {
      const { t, i18n: current } = useTranslation(module.id);
      return <Link to={item.to} className="no-print">{typeof item.label === 'string' ? t(item.label) : localizedName(item.label, current.language)}</Link>;
    };
    undo.push(registerWidget('layout.header', NavItem, { id: `${module.id}.nav.${item.id}`, order: item.order }));
  }
  for (const visualisation of web.visualisations ?? []) undo.push(registerVisualisation(visualisation));
  return () => undo.forEach((fn) => fn());
}

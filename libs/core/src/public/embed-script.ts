/**
 * `/embed.js`: the `<pilote-embed src="…/embed/…">` web component. It frames the embed page (so
 * the host page never reads data itself, and the instance's CSP decides who may frame it) and
 * fits the frame's height to what the page reports (a number, from the frame's own origin).
 * With `theme="host"` it hands the embed the colours of the page around it (text, background,
 * accent from `--pilote-accent` or the `accent` attribute, generic font family) as URL parameters;
 * the embed page keeps only readable ones (apps/web/src/features/public/hostTheme.ts).
 */
export const EMBED_SCRIPT = `(function () {
  if (!window.customElements || customElements.get('pilote-embed')) return;
  function hex(colour) {
    var m = /^rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)(?:,\\s*([\\d.]+))?\\)$/.exec(String(colour).trim());
    if (m) return m[4] !== undefined && Number(m[4]) < 1 ? null : '#' + [m[1], m[2], m[3]].map(function (n) { return ('0' + Number(n).toString(16)).slice(-2); }).join('');
    return /^#[0-9a-f]{6}$/i.test(String(colour).trim()) ? String(colour).trim() : null;
  }
  function hostColours(element, params) {
    var style = getComputedStyle(element);
    var background = null;
    for (var e = element; e && !background; e = e.parentElement) background = hex(getComputedStyle(e).backgroundColor);
    var family = style.fontFamily.toLowerCase();
    var accent = hex(element.getAttribute('accent') || style.getPropertyValue('--pilote-accent'));
    params.set('theme', 'host');
    params.set('text', hex(style.color) || '#000000');
    params.set('background', background || '#ffffff');
    if (accent) params.set('accent', accent);
    params.set('font', /monospace/.test(family) ? 'monospace' : /(^|[ ,"])serif/.test(family) ? 'serif' : 'sans-serif');
  }
  class PiloteEmbed extends HTMLElement {
    connectedCallback() {
      if (this._frame) return;
      var src = this.getAttribute('src');
      if (!src) return;
      var url = new URL(src, document.baseURI);
      var origin = url.origin;
      if (this.getAttribute('theme') === 'host') hostColours(this, url.searchParams);
      var frame = document.createElement('iframe');
      frame.src = url.href;
      frame.title = this.getAttribute('title') || 'PILOTE';
      frame.loading = 'lazy';
      frame.style.cssText = 'border:0;display:block;width:100%;height:' + (parseInt(this.getAttribute('height') || '', 10) || 420) + 'px';
      this._frame = frame;
      this._onMessage = function (event) {
        var data = event.data;
        if (event.origin !== origin || event.source !== frame.contentWindow || !data || data.type !== 'pilote-embed:height') return;
        var height = Number(data.height);
        if (height > 0 && height < 10000) frame.style.height = Math.ceil(height) + 'px';
      };
      window.addEventListener('message', this._onMessage);
      (this.shadowRoot || this.attachShadow({ mode: 'open' })).appendChild(frame);
    }
    disconnectedCallback() {
      if (this._onMessage) window.removeEventListener('message', this._onMessage);
    }
  }
  customElements.define('pilote-embed', PiloteEmbed);
})();
`;

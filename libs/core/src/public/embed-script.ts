/**
 * `/embed.js`: the `<pilote-embed src="…/embed/…">` web component. It frames the embed page (so
 * the host page never reads data itself, and the instance's CSP decides who may frame it) and
 * fits the frame's height to what the page reports (a number, from the frame's own origin).
 */
export const EMBED_SCRIPT = `(function () {
  if (!window.customElements || customElements.get('pilote-embed')) return;
  class PiloteEmbed extends HTMLElement {
    connectedCallback() {
      if (this._frame) return;
      var src = this.getAttribute('src');
      if (!src) return;
      var origin = new URL(src, document.baseURI).origin;
      var frame = document.createElement('iframe');
      frame.src = src;
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

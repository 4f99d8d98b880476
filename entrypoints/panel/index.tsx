import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PANEL_CSS } from '../../components/panel/panel-styles';
import { SavedPanel } from '../../components/panel/SavedPanel';
import { PANEL_GLOBAL, type PanelInit } from '../../lib/background/panel-injector';
import { createBackgroundClient } from '../../lib/protocol/client';

// Injected on demand after a quick clip (lib/background/panel-injector.ts sets PANEL_GLOBAL first).
// A closed shadow root keeps page styles and scripts out of the panel.
export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const init = scope[PANEL_GLOBAL] as PanelInit | undefined;
  delete scope[PANEL_GLOBAL];
  if (!init) return;
  (scope.__clipToAnytypePanelClose as (() => void) | undefined)?.();

  const host = document.createElement('clip-to-anytype-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = PANEL_CSS;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  document.documentElement.append(host);

  const close = () => {
    render(null, mount);
    host.remove();
    delete scope.__clipToAnytypePanelClose;
  };
  scope.__clipToAnytypePanelClose = close;
  const background = createBackgroundClient((message) => browser.runtime.sendMessage(message));
  render(<SavedPanel init={init} background={background} onClose={close} />, mount);
});

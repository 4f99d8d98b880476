import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PANEL_CSS } from '../../components/panel/panel-styles';
import { SavedPanel } from '../../components/panel/SavedPanel';
import type { InjectedPanel } from '../../lib/background/panel-injector';
import { createBackgroundClient } from '../../lib/protocol/client';
import { INJECTED, takeInjected } from '../../lib/protocol/injected-globals';

// Injected on demand after a quick clip (lib/background/panel-injector.ts sets INJECTED.panelInit
// first). A closed shadow root keeps page styles and scripts out of the panel.
export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const injected = takeInjected(scope, INJECTED.panelInit) as InjectedPanel | undefined;
  if (!injected) return;
  (scope[INJECTED.panelClose] as (() => void) | undefined)?.();
  // The capability stays in this closure: it is not left where another script of ours would find it.
  const { capability, ...init } = injected;

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
    delete scope[INJECTED.panelClose];
  };
  scope[INJECTED.panelClose] = close;
  const background = createBackgroundClient((message) => browser.runtime.sendMessage(message), capability);
  render(<SavedPanel init={init} background={background} onClose={close} />, mount);
});

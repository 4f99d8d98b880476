/**
 * Shows the "Saved to Anytype" panel in the page after a quick clip. What the panel displays is
 * handed to it in the extension's isolated world, never read from the page; so is the capability
 * that makes its messages the panel's (lib/background/panel-grants.ts).
 */
import { INJECTED } from '../protocol/injected-globals';
import type { PanelGrants } from './panel-grants';
import type { ScriptingApi } from './scripting-capturer';

export const PANEL_FILE = '/panel.js';

export interface PanelInit {
  heading: string;
  spaceId: string;
  openUrl: string;
  tagNames: string[];
  collectionId?: string;
}

/** What the injected panel finds under INJECTED.panelInit. */
export interface InjectedPanel extends PanelInit {
  capability: string;
}

export function createPanelInjector(scripting: ScriptingApi, grants: Pick<PanelGrants, 'issue'>) {
  return async function showPanel(tabId: number, init: PanelInit): Promise<void> {
    const capability = await grants.issue(tabId, init.spaceId);
    await scripting.executeScript({
      target: { tabId },
      func: ((name: string, value: InjectedPanel) => {
        (globalThis as Record<string, unknown>)[name] = value;
      }) as (...args: never[]) => unknown,
      args: [INJECTED.panelInit, { ...init, capability } satisfies InjectedPanel],
    });
    await scripting.executeScript({ target: { tabId }, files: [PANEL_FILE] });
  };
}

/**
 * Shows the "Saved to Anytype" panel in the page after a quick clip. What the panel displays is
 * handed to it in the extension's isolated world, never read from the page.
 */
import type { ScriptingApi } from './scripting-capturer';

export const PANEL_FILE = '/panel.js';
export const PANEL_GLOBAL = '__clipToAnytypePanel';

export interface PanelInit {
  heading: string;
  spaceId: string;
  openUrl: string;
  tagNames: string[];
  collectionId?: string;
}

export function createPanelInjector(scripting: ScriptingApi) {
  return async function showPanel(tabId: number, init: PanelInit): Promise<void> {
    await scripting.executeScript({
      target: { tabId },
      func: ((name: string, value: PanelInit) => {
        (globalThis as Record<string, unknown>)[name] = value;
      }) as (...args: never[]) => unknown,
      args: [PANEL_GLOBAL, init],
    });
    await scripting.executeScript({ target: { tabId }, files: [PANEL_FILE] });
  };
}

/**
 * Whether the page has a selection as the popup opens: then the form starts in Selection mode,
 * since selecting something before clicking the button is how a person says "this part".
 * Asked from the popup itself (the toolbar click grants it the tab), alongside its other reads.
 */
export interface SelectionScripting {
  executeScript(injection: { target: { tabId: number }; func: () => boolean }): Promise<{ result?: unknown }[]>;
}

/** False for a page that cannot be read (a browser page, a store): Selection could not clip it either. */
export async function pageHasSelection(scripting: SelectionScripting, tabId: number | undefined): Promise<boolean> {
  if (tabId === undefined) return false;
  try {
    const [frame] = await scripting.executeScript({
      target: { tabId },
      // Serialised into the page: it must not close over anything.
      func: () => (globalThis.getSelection?.()?.toString() ?? '').trim() !== '',
    });
    return frame?.result === true;
  } catch {
    return false;
  }
}

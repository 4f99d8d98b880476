/**
 * User Timing marks the popup leaves in its own performance timeline: a name and a time, nothing
 * else. The bench reads them once the popup has drawn (bench/perf/toolbar-popup.ts), which lets it
 * time the toolbar popup itself with no debugger attached while it loads: an attached debugger
 * slows every load it watches, so watching the DOM from an injected script would time the watching.
 */
export const POPUP_MARKS = {
  /** The popup's first module runs: the time before it is the browser's. */
  scriptStart: 'popup-script-start',
  /** "Save to Anytype" is on screen and enabled for the first time. */
  saveUsable: 'popup-save-usable',
} as const;

export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

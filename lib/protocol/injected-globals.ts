/**
 * The names under which the background hands values to the scripts it injects (the clipper, the
 * in-page panel) in the extension's isolated world of a tab. Both sides import them from here, so
 * a rename that reaches only one side fails to compile instead of silently clipping in the wrong
 * mode. This module imports nothing: it is bundled into the injected scripts.
 */
export const INJECTED = {
  /** The page mode the clipper extracts (lib/background/scripting-capturer.ts sets it). */
  clipperMode: '__clipToAnytypeMode',
  /** Whether the clipper inlines the images Desktop could not fetch (lib/clip/images). */
  clipperImages: '__clipToAnytypeImages',
  /** What the panel shows and its capability (lib/background/panel-injector.ts sets it). */
  panelInit: '__clipToAnytypePanel',
  /** Closes a panel already in the page before a new one opens (set by the panel itself). */
  panelClose: '__clipToAnytypePanelClose',
} as const;

export type InjectedName = (typeof INJECTED)[keyof typeof INJECTED];

/**
 * Reads a value the background left in this world and removes it, so that nothing injected later
 * (nor a second run of the same file) finds a stale one.
 */
export function takeInjected(scope: Record<string, unknown>, name: InjectedName): unknown {
  const value = scope[name];
  delete scope[name];
  return value;
}

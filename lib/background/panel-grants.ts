/**
 * The in-page panel's capability. The browser tells the background which tab and frame a content
 * script's message comes from, not which of our scripts in that tab's isolated world sent it, nor
 * whether it is the panel shown now or one left over from before (a page restored from the
 * back/forward cache keeps its old panel). So each panel injection gets a fresh random token,
 * handed to it through executeScript (the page cannot read the isolated world), and a content
 * script's message counts as the panel's only with the token of its own tab's latest panel.
 *
 * Kept in session storage rather than in the worker's memory: the worker may be stopped while a
 * person is still typing a tag in the panel. Content scripts cannot read it in Chromium (session
 * storage is for trusted contexts); where they could, they would learn only what the panel in
 * that same world already holds.
 */
import * as v from 'valibot';
import type { SessionAreaLike } from '../pairing/pending-challenge';
import type { PanelGrant } from '../protocol/senders';

const GrantSchema = v.object({ capability: v.string(), spaceId: v.string(), issuedAt: v.number() });

const slot = (tabId: number) => `panel:grant:${tabId}`;
/** As long as the recent clip the panel amends (lib/background/recent-clips.ts). */
export const PANEL_GRANT_MAX_AGE_MS = 60 * 60 * 1000;

export interface PanelGrantsOptions {
  now?: () => number;
  newCapability?: () => string;
}

export function createPanelGrants(area: SessionAreaLike, options: PanelGrantsOptions = {}) {
  const now = options.now ?? Date.now;
  const newCapability = options.newCapability ?? (() => crypto.randomUUID());
  return {
    /** A capability for the panel about to be injected into `tabId`; the tab's earlier one stops working. */
    async issue(tabId: number, spaceId: string): Promise<string> {
      const capability = newCapability();
      await area.set({ [slot(tabId)]: { capability, spaceId, issuedAt: now() } });
      return capability;
    },
    async admit(tabId: number, capability: string): Promise<PanelGrant | undefined> {
      const parsed = v.safeParse(GrantSchema, (await area.get(slot(tabId)))[slot(tabId)]);
      if (!parsed.success || parsed.output.capability !== capability) return undefined;
      if (now() - parsed.output.issuedAt > PANEL_GRANT_MAX_AGE_MS) return undefined;
      return { spaceId: parsed.output.spaceId };
    },
  };
}
export type PanelGrants = ReturnType<typeof createPanelGrants>;

/**
 * First run: the welcome page opens once, when the extension is installed (not on an update, a
 * browser update or a reload), and asks through `anytype.probe` whether Anytype answers.
 */
import type { ProbeResult } from '../anytype/probe';
import type { MessageOutput } from '../protocol/messages';

/** The welcome page's file in the build (entrypoints/welcome/). */
export const WELCOME_PAGE = '/welcome.html';

/** The part of `runtime.onInstalled`'s details this reads. */
export interface InstallDetails {
  reason: string;
  temporary?: boolean;
}

export interface WelcomeTabs {
  create(options: { url: string; active: boolean }): Promise<unknown>;
}

/**
 * Opens the welcome page for a fresh install only. Resolves with whether it opened; a browser that
 * will not open the tab (no window yet, say) costs nothing else.
 */
export async function openWelcomeOnInstall(details: InstallDetails, tabs: WelcomeTabs, pageUrl: string): Promise<boolean> {
  if (details.reason !== 'install') return false;
  try {
    await tabs.create({ url: pageUrl, active: true });
    return true;
  } catch {
    return false;
  }
}

export interface WelcomeProbeDeps {
  /** The active connection's address and whether a key is kept for it, without asking Anytype. */
  localStatus(): Promise<{ baseUrl: string; paired: boolean }>;
  probe(baseUrl: string): Promise<ProbeResult>;
  /** Resolves once the Origin rule is in place, so newer builds see the extension's requests as loopback's. */
  ready?: Promise<unknown>;
}

export function createWelcomeProbe(deps: WelcomeProbeDeps): () => Promise<MessageOutput<'anytype.probe'>> {
  return async () => {
    await deps.ready?.catch(() => undefined);
    const { baseUrl, paired } = await deps.localStatus();
    const result = await deps.probe(baseUrl);
    return { state: result.state, baseUrl, paired, ...(result.serverVersion ? { serverVersion: result.serverVersion } : {}) };
  };
}

import type { BrowserSession, ExtensionGlobal } from '../harness';

/**
 * What happens in the clipped tab and in the background without the popup: a selection the
 * person made, a context-menu quick clip, and the in-page "Saved to Anytype" panel.
 * Functions below are serialised into the browser: they must not close over anything.
 */

type ClipMode = 'article' | 'selection' | 'fullpage' | 'bookmark' | 'link' | 'image';

/** Selects the page from the heading with this text through the first table after it. */
export async function selectSection(session: BrowserSession, tabId: number, heading: string): Promise<string> {
  return session.evaluateInExtension(
    async ({ tabId: id, heading: text }: { tabId: number; heading: string }) => {
      const api = (globalThis as unknown as ExtensionGlobal).chrome;
      const [result] = await api.scripting.executeScript({
        target: { tabId: id },
        args: [text],
        func: (wanted: string) => {
          const start = Array.from(document.querySelectorAll('h2')).find((h) => h.textContent?.trim() === wanted);
          let end: Element | null | undefined = start;
          while (end && end.tagName !== 'TABLE') end = end.nextElementSibling;
          if (!start || !end) return '';
          const range = document.createRange();
          range.setStartBefore(start);
          range.setEndAfter(end);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return selection?.toString() ?? '';
        },
      });
      return String(result?.result ?? '');
    },
    { tabId, heading },
  );
}

/**
 * What the context menu's onClicked listener calls: the test build's hook on the background
 * (`__clipToAnytypeTest.quickClip`, lib/background/app.ts). Chromium evaluates in the service
 * worker itself; Firefox's evaluation runs in an extension page, which reaches its event page
 * through runtime.getBackgroundPage(). Resolves when the quick clip (and its panel) is done.
 */
export async function quickClip(session: BrowserSession, tabId: number, mode: ClipMode, targetUrl?: string): Promise<void> {
  const answer = await session.evaluateInExtension(
    async (arg: { tabId: number; mode: ClipMode; targetUrl?: string }) => {
      type Hook = { quickClip(tabId: number, mode: string, targetUrl?: string): Promise<void> };
      const api = (globalThis as unknown as ExtensionGlobal).chrome;
      let hook = (globalThis as unknown as { __clipToAnytypeTest?: Hook }).__clipToAnytypeTest;
      if (!hook && typeof api.runtime.getBackgroundPage === 'function') {
        const page = (await api.runtime.getBackgroundPage()) as unknown as { __clipToAnytypeTest?: Hook } | null;
        hook = page?.__clipToAnytypeTest;
      }
      if (!hook) return 'no __clipToAnytypeTest hook in the background (is this the E2E build?)';
      await hook.quickClip(arg.tabId, arg.mode, arg.targetUrl);
      return 'ok';
    },
    { tabId, mode, targetUrl },
  );
  if (answer !== 'ok') throw new Error(answer);
}

export interface PanelAction {
  /** A tag typed into the panel's "Tags" textbox, then "Add tag". */
  tag?: string;
  /** An option of the panel's "Collection" combobox. */
  collection?: string;
  /** A chosen tag taken off with its "Remove tag …" button. */
  remove?: string;
  /** Escape pressed in the panel's "Tags" field: answers 'closed' once the panel is gone. */
  escape?: boolean;
}

/**
 * Uses the in-page panel like a person would, by its accessible names. The panel lives in a
 * closed shadow root; a script the extension injects into the tab may open it
 * (chrome.dom.openOrClosedShadowRoot in Chromium, Element.openOrClosedShadowRoot in Firefox).
 * Returns the panel's status text ("Updated") once a change was answered, or what went wrong.
 */
export async function usePanel(session: BrowserSession, tabId: number, action: PanelAction): Promise<string> {
  return session.evaluateInExtension(
    async (arg: { tabId: number; action: PanelAction }) => {
      const api = (globalThis as unknown as ExtensionGlobal).chrome;
      const [result] = await api.scripting.executeScript({
        target: { tabId: arg.tabId },
        args: [arg.action],
        func: async (todo: { tag?: string; collection?: string; remove?: string; escape?: boolean }) => {
          const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
          const host = document.querySelector('clip-to-anytype-panel');
          if (!host) return 'no clip-to-anytype-panel element in the page';
          const opener = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } })
            .chrome?.dom?.openOrClosedShadowRoot;
          const root = opener
            ? opener(host)
            : (host as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
          if (!root) return 'the panel has no shadow root';
          if (root.mode !== 'closed') return `the panel's shadow root is ${root.mode}, not closed`;
          const region = root.querySelector('[aria-label="Saved to Anytype"]');
          if (!region) return 'no region "Saved to Anytype"';
          const labelled = (name: string) => {
            const label = Array.from(region.querySelectorAll('label')).find((l) => l.textContent?.trim() === name);
            return label ? root.getElementById(label.htmlFor) : null;
          };
          const status = () => region.querySelector('[role="status"]')?.textContent?.trim() ?? '';
          const answered = async (what: string) => {
            for (let i = 0; i < 100; i++) {
              if (status() === 'Updated') return '';
              if (status()) return `${what}: ${status()}`;
              await sleep(50);
            }
            return `${what}: no answer`;
          };
          if (todo.tag !== undefined) {
            const field = labelled('Tags');
            const button = Array.from(region.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Add tag');
            if (!(field instanceof HTMLInputElement) || !button) return 'no textbox "Tags" or button "Add tag"';
            field.focus();
            field.value = todo.tag;
            field.dispatchEvent(new Event('input', { bubbles: true }));
            await sleep(0);
            button.click();
            const problem = await answered('Add tag');
            if (problem) return problem;
          }
          if (todo.collection !== undefined) {
            const select = labelled('Collection');
            if (!(select instanceof HTMLSelectElement)) return 'no combobox "Collection"';
            let option: HTMLOptionElement | undefined;
            for (let i = 0; i < 100 && !option; i++) {
              option = Array.from(select.options).find((o) => o.text.trim() === todo.collection);
              if (!option) await sleep(50);
            }
            if (!option) return `no option "${todo.collection}" in combobox "Collection"`;
            const earlier = status();
            select.value = option.value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            // After an earlier "Updated" the status cannot tell this change apart: the caller
            // reads the result from Anytype (the sandbox) instead.
            if (!earlier) {
              const problem = await answered('Collection');
              if (problem) return problem;
            }
          }
          if (todo.remove !== undefined) {
            const named = () =>
              Array.from(region.querySelectorAll('button')).find((b) => b.getAttribute('aria-label') === `Remove tag ${todo.remove}`);
            const button = named();
            if (!button) return `no button "Remove tag ${todo.remove}"`;
            button.click();
            for (let i = 0; i < 100 && named(); i++) await sleep(50);
            if (named()) return `Remove tag ${todo.remove}: still shown (${status()})`;
          }
          if (todo.escape) {
            const field = labelled('Tags');
            if (!(field instanceof HTMLInputElement)) return 'no textbox "Tags"';
            field.focus();
            field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
            for (let i = 0; i < 100 && host.isConnected; i++) await sleep(50);
            return host.isConnected ? 'still shown after Escape' : 'closed';
          }
          return status();
        },
      });
      return String(result?.result ?? 'the script gave no answer');
    },
    { tabId, action },
  );
}

/**
 * Where the panel's parts sit: every button and link on one line (its height no more than one line
 * of its text plus its own padding and border), every chosen tag's remove button beside its name, and
 * nothing wider than the panel. Answers what breaks that, or '' when nothing does.
 */
export async function panelLayoutProblems(session: BrowserSession, tabId: number): Promise<string> {
  return session.evaluateInExtension(async (id: number) => {
    const api = (globalThis as unknown as ExtensionGlobal).chrome;
    const [result] = await api.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        const host = document.querySelector('clip-to-anytype-panel');
        const opener = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }).chrome?.dom
          ?.openOrClosedShadowRoot;
        const root = host && (opener ? opener(host) : (host as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot);
        const region = root?.querySelector('[aria-label="Saved to Anytype"]');
        if (!region) return 'no panel';
        const problems: string[] = [];
        const panel = region.getBoundingClientRect();
        for (const el of Array.from(region.querySelectorAll('button, a'))) {
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          const chrome = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce(
            (sum, side) => sum + Number.parseFloat(style[side as 'paddingTop']),
            0,
          );
          const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.4;
          const name = el.getAttribute('aria-label') ?? el.textContent?.trim();
          if (box.height > line * 1.5 + chrome) problems.push(`"${name}" wraps (${box.height}px)`);
          if (box.right > panel.right + 0.5 || box.left < panel.left - 0.5) problems.push(`"${name}" sticks out of the panel`);
        }
        for (const item of Array.from(region.querySelectorAll('.tags li'))) {
          const [label, remove] = [item.querySelector('.tag-name'), item.querySelector('button')];
          if (!label || !remove) continue;
          const a = label.getBoundingClientRect();
          const b = remove.getBoundingClientRect();
          if (Math.abs(a.top + a.height / 2 - (b.top + b.height / 2)) > 4) problems.push(`"${label.textContent}" and its remove button are on two lines`);
          if (item.getBoundingClientRect().right > panel.right + 0.5) problems.push(`"${label.textContent}" sticks out of the panel`);
        }
        return problems.join('; ');
      },
    });
    return String(result?.result ?? 'the script gave no answer');
  }, tabId);
}

/** Is the panel's host element in the page (the panel shows, not just the notification)? */
export async function panelShown(session: BrowserSession, tabId: number): Promise<boolean> {
  return session.evaluateInExtension(async (id: number) => {
    const api = (globalThis as unknown as ExtensionGlobal).chrome;
    const [result] = await api.scripting.executeScript({
      target: { tabId: id },
      func: () => document.querySelector('clip-to-anytype-panel') !== null,
    });
    return result?.result === true;
  }, tabId);
}

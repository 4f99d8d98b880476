/**
 * Role queries inside a Firefox test page: bundled by firefox.ts and evaluated in each popup page.
 * Puppeteer's ::-p-aria asks Firefox's accessibility tree over WebDriver BiDi, ~450 ms a query
 * here; this answers in a few milliseconds with the same rules Testing Library uses
 * (dom-accessibility-api: the implicit role, the accessible name, aria-hidden and hidden subtrees).
 */
import { computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api';

function roleOf(el: Element): string | null {
  // Playwright (the Chromium half) counts password fields as textboxes; ARIA in HTML gives them no role.
  if (el instanceof HTMLInputElement && el.type === 'password') return 'textbox';
  return getRole(el);
}

/** Shown elements with that role and, when given, exactly that accessible name, in document order. */
function byRole(role: string, name?: string): Element[] {
  const found: Element[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (roleOf(el) !== role || isInaccessible(el)) continue;
    if (name !== undefined && computeAccessibleName(el) !== name) continue;
    found.push(el);
  }
  return found;
}

(globalThis as unknown as { __e2eByRole: typeof byRole }).__e2eByRole = byRole;

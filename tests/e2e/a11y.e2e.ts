import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { WELCOME_PAGE } from '../../lib/background/welcome';
import { BROWSERS, navigateWithin, type PopupPage, useBrowser, useSandbox, waitUntil } from './harness';

// axe-core (WCAG 2 A and AA rules) on every state of the popup and on the options page, in both
// browsers and in both colour themes. Serious and critical findings fail the test; every finding
// is printed, so lesser ones are seen too.
const sandbox = useSandbox();
const control = () => sandbox().control;

const WELCOME = WELCOME_PAGE.slice(1);
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Theme = 'light' | 'dark';

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs in the page, after axe's own source (so it must not close over anything). The theme is
 * forced by copying the custom properties of the stylesheet's `:root` rule — the plain one, or the
 * one inside `prefers-color-scheme: dark` — onto the root element, so both themes are checked
 * whatever the browser's own preference is.
 */
async function auditInPage(theme: Theme): Promise<{ applied: number; findings: Finding[] }> {
  const root = document.documentElement;
  const found: [string, string][] = [];
  const pending: { rules: CSSRuleList; dark: boolean }[] = Array.from(document.styleSheets).map((sheet) => ({
    rules: sheet.cssRules,
    dark: false,
  }));
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next) break;
    for (const rule of Array.from(next.rules)) {
      if (rule instanceof CSSMediaRule) {
        pending.push({ rules: rule.cssRules, dark: next.dark || /prefers-color-scheme:\s*dark/.test(rule.conditionText) });
      } else if (rule instanceof CSSStyleRule && rule.selectorText === ':root' && next.dark === (theme === 'dark')) {
        for (const name of Array.from(rule.style)) {
          if (name.startsWith('--')) found.push([name, rule.style.getPropertyValue(name)]);
        }
      }
    }
  }
  for (const [name, value] of found) root.style.setProperty(name, value);
  root.style.colorScheme = theme;
  try {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    });
    const findings = results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
    return { applied: found.length, findings };
  } finally {
    root.removeAttribute('style');
  }
}

/** axe goes in with the call itself: extension pages forbid eval and foreign scripts (CSP). */
function auditScript(theme: Theme): () => Promise<{ applied: number; findings: Finding[] }> {
  // `__name` guards against the keep-names helper the test transform may add around functions.
  const body = `const __name = (f) => f;\n${AXE_SOURCE}\n;return (${auditInPage.toString()})(${JSON.stringify(theme)});`;
  return new Function(body) as () => Promise<{ applied: number; findings: Finding[] }>;
}

async function expectAccessible(page: PopupPage, where: string): Promise<void> {
  const blocking: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    const { applied, findings } = await page.evaluate(auditScript(theme));
    // No theme variables found would mean the page was checked in one theme only.
    expect(applied, `${theme} theme variables on ${where}`).toBeGreaterThan(0);
    for (const f of findings) {
      const line = `[${where}, ${theme}] ${f.impact ?? 'unknown'} ${f.id}: ${f.help}\n${f.nodes
        .map((n) => `    ${n.target}: ${n.summary.replace(/\n/g, ' ')}`)
        .join('\n')}`;
      console.log(line);
      if (f.impact === 'serious' || f.impact === 'critical') blocking.push(line);
    }
  }
  expect(blocking).toEqual([]);
}

async function connectWithKey(popup: PopupPage): Promise<void> {
  await popup.clickButton('Use an API key');
  await popup.fill('textbox', 'API key', await control().issueKey());
  await popup.clickButton('Save key');
  await popup.waitForText('status', 'Connected');
}

describe.each(BROWSERS)('accessibility in $name', ({ launch }) => {
  const browser = useBrowser(launch);

  test('start: Connect', async () => {
    const popup = await browser().openPopup();
    await popup.waitFor('button', 'Connect');
    await expectAccessible(popup, 'start');
  });

  test('code entry after Connect', async () => {
    const popup = await browser().openPopup();
    await popup.clickButton('Connect');
    await popup.waitFor('textbox', 'Pairing code');
    await expectAccessible(popup, 'code');
  });

  test('API key form', async () => {
    const popup = await browser().openPopup();
    await popup.clickButton('Use an API key');
    await popup.waitFor('button', 'Save key');
    await expectAccessible(popup, 'key');
  });

  test('connected, with the clip form on a real page', async () => {
    const tabId = await browser().openPage();
    const popup = await browser().openPopup(`tabId=${tabId}`);
    await connectWithKey(popup);
    await popup.waitFor('button', 'Save to Anytype');
    await waitUntil('the clip form to read the page', async () =>
      (await popup.valueOf('textbox', 'Title')) === '' ? undefined : true,
    );
    await expectAccessible(popup, 'clip form');
  });

  test('the clip form for a page already clipped: the notice above Save again', async () => {
    const tabId = await browser().openPage();
    const popup = await browser().openPopup(`tabId=${tabId}`);
    await connectWithKey(popup);
    await popup.waitFor('button', 'Save to Anytype');
    await waitUntil('the clip form to read the page', async () =>
      (await popup.valueOf('textbox', 'Title')) === '' ? undefined : true,
    );
    await popup.clickButton('Save to Anytype');
    await popup.waitForText('status', 'Saved');
    await popup.close();
    const again = await browser().openPopup(`tabId=${tabId}`);
    await again.waitFor('link', 'Open the existing clip');
    await again.waitFor('button', 'Save again');
    await expectAccessible(again, 'already clipped');
  });

  test('options page, with a connection', async () => {
    const popup = await browser().openPopup();
    await connectWithKey(popup);
    await navigateWithin(popup, 'options.html');
    await expectAccessible(popup, 'options');
  });

  test('welcome page, as opened on install: Anytype found, then not running', async () => {
    const welcome = await browser().extensionTab(WELCOME);
    await welcome.waitForText('status', 'Anytype found');
    await expectAccessible(welcome, 'welcome');
    await control().setFaults({ refuse: true });
    try {
      await navigateWithin(welcome, WELCOME);
      await welcome.waitFor('button', 'Try again');
      await expectAccessible(welcome, 'welcome, not running');
    } finally {
      await control().setFaults({ refuse: false });
    }
  });
});

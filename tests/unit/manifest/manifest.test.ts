// @vitest-environment node
/**
 * What the manifest allows, pinned: any widening (a permission, a host, a content script, a
 * web-accessible file, a CSP, a page or extension that may connect) fails here, and again in
 * `npm run lint` on the built manifests (scripts/check-manifest.ts) against the same literal.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserManifest } from 'wxt';
import { EXPECTED_MANIFESTS, manifestDifferences, securityView } from './expected-manifest';

type Target = 'chrome' | 'firefox';

/** wxt.config.ts's manifest for a browser, as `wxt build -b <browser>` asks for it. */
async function configuredManifest(browser: Target, e2eBuild = false): Promise<Record<string, unknown>> {
  vi.resetModules();
  vi.stubEnv('E2E_BUILD', e2eBuild ? '1' : '');
  const config = (await import('../../../wxt.config')).default;
  const manifest = config.manifest as (env: { browser: string; manifestVersion: 3; mode: string; command: string }) => UserManifest;
  return manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' }) as Record<string, unknown>;
}

/** What WXT adds to the configured manifest in a release build (the background entry). */
const WXT_ADDS: Record<Target, Record<string, unknown>> = {
  chrome: { background: { service_worker: 'background.js' } },
  firefox: { background: { scripts: ['background.js'] } },
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.each(['chrome', 'firefox'] as const)('the %s manifest', (browser) => {
  it('allows exactly what the expected literal lists', async () => {
    const manifest = { ...(await configuredManifest(browser)), ...WXT_ADDS[browser] };
    expect(manifestDifferences(EXPECTED_MANIFESTS[browser], securityView(manifest))).toEqual([]);
  });

  it('keeps host access to loopback: the Origin rule rewrites only where the extension has host access', async () => {
    const manifest = await configuredManifest(browser);
    // lib/network/origin-rule.ts: a rule built from a tampered connection URL could act on no
    // other host, and a widening here would let it; so this list is part of that rule's safety.
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect((manifest.permissions as string[]).filter((p) => p.startsWith('declarativeNetRequest'))).toEqual([
      'declarativeNetRequestWithHostAccess',
    ]);
  });

  it('the test build widens it by the two pages the e2e harness opens, nothing else', async () => {
    const manifest = { ...(await configuredManifest(browser, true)), ...WXT_ADDS[browser] };
    expect(manifestDifferences(EXPECTED_MANIFESTS[browser], securityView(manifest))).toEqual([
      `web_accessible_resources: expected absent, found ${JSON.stringify([
        { resources: ['popup.html', 'options.html'], matches: ['<all_urls>'] },
      ])}`,
    ]);
  });
});

describe('the manifest check', () => {
  const release = { ...EXPECTED_MANIFESTS.chrome } as Record<string, unknown>;
  const widenings: [string, Record<string, unknown>][] = [
    ['a permission', { permissions: [...(release.permissions as string[]), 'tabs'] }],
    ['a host', { host_permissions: [...(release.host_permissions as string[]), '<all_urls>'] }],
    ['an optional host', { optional_host_permissions: ['https://*/*'] }],
    ['a content script', { content_scripts: [{ matches: ['<all_urls>'], js: ['clipper.js'] }] }],
    ['a web-accessible file', { web_accessible_resources: [{ resources: ['panel.js'], matches: ['<all_urls>'] }] }],
    ['a CSP', { content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } }],
    ['a connectable page', { externally_connectable: { matches: ['https://*.example.com/*'] } }],
    ['the full declarativeNetRequest', { permissions: [...(release.permissions as string[]), 'declarativeNetRequest'] }],
  ];
  it.each(widenings)('fails on %s', (_name, change) => {
    const widened = { ...release, ...change };
    expect(manifestDifferences(EXPECTED_MANIFESTS.chrome, securityView(widened))).not.toEqual([]);
  });

  it('does not mind the order of permissions', () => {
    const reordered = { ...release, permissions: [...(release.permissions as string[])].reverse() };
    expect(manifestDifferences(EXPECTED_MANIFESTS.chrome, securityView(reordered))).toEqual([]);
  });
});

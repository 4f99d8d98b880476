/**
 * The security-relevant part of both release manifests, written out. Read by the unit test (from
 * wxt.config.ts's manifest function) and by `npm run lint:manifest` (scripts/check-manifest.ts,
 * from the built .output/*-mv3/manifest.json), so the two can never check different things.
 *
 * Any change here is a change of what the extension may do: review it as one. In particular the
 * Origin rule (lib/network/origin-rule.ts) rewrites Origin only where the extension has host
 * access (declarativeNetRequestWithHostAccess); its safety rests on these loopback-only
 * host_permissions as much as on its initiatorDomains.
 */

/** Fields that widen what the extension, web pages or other extensions can do. */
export const SECURITY_FIELDS = [
  'permissions',
  'optional_permissions',
  'host_permissions',
  'optional_host_permissions',
  'content_scripts',
  'web_accessible_resources',
  'content_security_policy',
  'externally_connectable',
  'sandbox',
  'declarative_net_request',
  'chrome_url_overrides',
  'devtools_page',
  'background',
  'data_collection_permissions',
] as const;

export type SecurityView = Partial<Record<(typeof SECURITY_FIELDS)[number], unknown>>;

const LOOPBACK_ONLY = ['http://127.0.0.1/*', 'http://localhost/*'];
const PERMISSIONS = [
  'activeTab',
  'alarms',
  'contextMenus',
  'declarativeNetRequestWithHostAccess',
  'notifications',
  'scripting',
  'storage',
  'unlimitedStorage',
];

/**
 * No content scripts, no web-accessible resources, no CSP of our own (the browser's default for
 * MV3 pages, which forbids inline and remote script), no static DNR rulesets; Chromium: no page or
 * other extension may connect (Firefox has no externally_connectable: pages cannot message there).
 */
export const EXPECTED_MANIFESTS: Record<'chrome' | 'firefox', SecurityView> = {
  chrome: {
    permissions: PERMISSIONS,
    host_permissions: LOOPBACK_ONLY,
    externally_connectable: { ids: [] },
    background: { service_worker: 'background.js' },
  },
  firefox: {
    permissions: PERMISSIONS,
    host_permissions: LOOPBACK_ONLY,
    background: { scripts: ['background.js'] },
    data_collection_permissions: { required: ['none'] },
  },
};

interface ManifestLike {
  [field: string]: unknown;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } };
}

/** The security fields of a manifest, permission lists sorted (their order grants nothing). */
export function securityView(manifest: ManifestLike): SecurityView {
  const view: SecurityView = {};
  for (const field of SECURITY_FIELDS) {
    const value =
      field === 'data_collection_permissions'
        ? manifest.browser_specific_settings?.gecko?.data_collection_permissions
        : manifest[field];
    if (value === undefined) continue;
    view[field] = Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value].sort() : value;
  }
  return view;
}

/** Lines saying how `actual` differs from `expected`, field by field (empty when they agree). */
export function manifestDifferences(expected: SecurityView, actual: SecurityView): string[] {
  const lines: string[] = [];
  for (const field of SECURITY_FIELDS) {
    const want = JSON.stringify(expected[field]);
    const got = JSON.stringify(actual[field]);
    if (want !== got) lines.push(`${field}: expected ${want ?? 'absent'}, found ${got ?? 'absent'}`);
  }
  return lines;
}

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { TEST_BUILD_ROOT } from './scripts/e2e-lanes.mjs';

// E2E_BUILD=1 makes a test-only build: Firefox cannot navigate a page to moz-extension://,
// so the popup is made web-accessible for the e2e harness to open it with window.open.
const e2eBuild = process.env.E2E_BUILD === '1';
const GECKO_ID = 'clip-to-anytype@clip-to-anytype.dev';

export default defineConfig({
  // The test build lives apart so that it is never mistaken for (or zipped as) a release.
  outDir: e2eBuild ? TEST_BUILD_ROOT : '.output',
  // scripts/build-test.mjs names each e2e lane's build (scripts/e2e-lanes.mjs).
  ...(e2eBuild && process.env.E2E_BUILD_NAME ? { outDirTemplate: process.env.E2E_BUILD_NAME } : {}),
  // i18n: locales/<lang>.yml become _locales/<lang>/messages.json; code uses `import { i18n } from '#i18n'`.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // WXT builds all HTML pages in one Vite build, which puts what the popup and the options page
    // share in a third file. Built alone, the popup is one script: every extension file is one
    // more trip through the browser before the popup can draw (see README, Performance).
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.findIndex((entry) => entry.type === 'popup');
        if (popup >= 0) groups.push(group.splice(popup, 1));
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'Clip to Anytype',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'alarms',
      'activeTab',
      'scripting',
      'declarativeNetRequestWithHostAccess',
      'contextMenus',
      'notifications',
      // The queue keeps clips until Anytype takes them; a long article must not hit the 10 MB quota.
      'unlimitedStorage',
    ],
    // Loopback only, any port: Desktop (31009), anytype-cli (31012) or a custom port.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    // No other extension or web page may connect to ours.
    externally_connectable: browser === 'firefox' ? undefined : { ids: [] },
    action: { default_title: 'Clip to Anytype' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_commandOpen__' },
      'quick-clip': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandQuickClip__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
    ...(e2eBuild ? { web_accessible_resources: [{ resources: ['popup.html', 'options.html'], matches: ['<all_urls>'] }] } : {}),
  }),
});

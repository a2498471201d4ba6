import { defineConfig } from 'wxt';

// Host access is limited to the two sites Defuse works beside; nothing else is requested.
const HOSTS = ['https://mail.google.com/*', 'https://*.zendesk.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Never open a browser from `wxt` itself: the demo script and the tests launch their own.
  webExt: { disabled: true },
  manifest: ({ browser }) => ({
    name: 'Defuse — calm support replies',
    description:
      'Spots hidden customer frustration in Gmail and Zendesk, suggests de-escalation phrasing and coaches your reply. Runs entirely on your machine.',
    permissions:
      browser === 'firefox'
        ? ['storage', 'alarms', 'notifications']
        : ['sidePanel', 'storage', 'alarms', 'notifications'],
    host_permissions: HOSTS,
    content_security_policy: {
      // Extension pages may load only their own files and may not connect anywhere: customer text
      // can't leave the browser even by mistake (an image URL, a font, a fetch).
      extension_pages: "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? {
          sidebar_action: {
            default_title: 'Defuse',
            default_panel: 'sidepanel.html',
          },
          browser_specific_settings: {
            gecko: {
              id: 'defuse@defuse.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
    action: { default_title: 'Open Defuse' },
    // A keyboard way to open the panel. On Firefox it is also the only way from the keyboard: a click
    // on the in-page badge is not a user action there, so the badge shows this shortcut instead.
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+D' }, description: 'Open or close Defuse' } }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+D' }, description: 'Open Defuse' } },
  }),
  // The sources zip (AMO review): what rebuilds the extension, not local run output.
  zip: { excludeSources: ['demo-screenshots/**', 'test-results/**', 'stats.html', '*.log'] },
  vite: () => ({
    // sentiment's AFINN JSON is otherwise bundled twice (toolchain.md).
    json: { namedExports: false },
  }),
});

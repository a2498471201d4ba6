// Runs in the page's own JavaScript world on Zendesk, where CKEditor 5's instance lives. Tiny and
// data-free: it only turns a `defuse:ckeditor-insert` event from the content script into the
// editor's own insertText command (lib/sites/ckeditor-bridge.ts).
import { installCkeditorBridge } from '@/lib/sites/ckeditor-bridge';

export default defineContentScript({
  // The agent workspace only: Help Center and other pages on the subdomain are never read.
  matches: ['https://*.zendesk.com/agent/*'],
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    installCkeditorBridge(document);
  },
});

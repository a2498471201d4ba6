// Zendesk agent workspace: read the selected ticket, place the badge, answer the panel. Logic lives in lib/content.
import { startContentScript } from '@/lib/content';
import { createZendeskAdapter } from '@/lib/sites/zendesk';

export default defineContentScript({
  // The agent workspace only: Help Center and other pages on the subdomain are never read.
  matches: ['https://*.zendesk.com/agent/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(createZendeskAdapter, ctx.signal);
  },
});

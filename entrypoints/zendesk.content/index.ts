// Zendesk agent workspace: read the selected ticket, place the badge, answer the panel. Logic lives in lib/content.
import { startContentScript } from '@/lib/content';
import { createZendeskAdapter } from '@/lib/sites/zendesk';

export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(createZendeskAdapter, ctx.signal);
  },
});

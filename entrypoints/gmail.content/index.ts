// Gmail: read the open thread, place the badge, answer the panel. Logic lives in lib/content.
import { startContentScript } from '@/lib/content';
import { createGmailAdapter } from '@/lib/sites/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(createGmailAdapter, ctx.signal);
  },
});

// The site adapters' public face. Content scripts import their own site's adapter directly
// (lib/sites/gmail.ts, lib/sites/zendesk.ts) so each bundles only its own site.
import type { SiteId } from '@/lib/messaging/protocol';
import { createGmailAdapter } from './gmail';
import type { SiteAdapter } from './types';
import { createZendeskAdapter } from './zendesk';

export type { BadgeSlot, ConversationRead, CustomerMessage, InsertResult, SiteAdapter, SiteRead } from './types';
export { createGmailAdapter, createZendeskAdapter };
export { siteOf } from './hosts';
export { toPageState } from './page-state';

export function createAdapter(site: SiteId, doc: Document = document): SiteAdapter {
  return site === 'gmail' ? createGmailAdapter(doc) : createZendeskAdapter(doc);
}

// The PageState a content script sends for what its adapter read: plain data only (no elements).
import type { PageState, SiteId } from '@/lib/messaging/protocol';
import type { SiteRead } from './types';

/** What goes over the wire: plain data only (no elements). */
export function toPageState(site: SiteId, read: SiteRead, url: string): PageState {
  if (read.kind === 'no-conversation') return { kind: 'no-conversation', site, url, reason: read.reason };
  return {
    kind: 'conversation',
    conversation: {
      site,
      conversationId: read.conversationId,
      subject: read.subject,
      latestCustomerText: read.latest.text,
      sender: read.latest.sender,
      ...(read.latest.sentAt ? { sentAt: read.latest.sentAt } : {}),
      customerMessageCount: read.customerMessageCount,
      moreMessagesHidden: read.moreMessagesHidden,
      answered: read.answered,
      hasReplyBox: read.replyBox !== null,
      url,
    },
  };
}

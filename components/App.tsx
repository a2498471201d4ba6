// The side panel: picks the view for the store's status and lays the sections out for a ~360px column.
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatWait } from '@/lib/coach/message';
import type { ConversationSnapshot, SiteId } from '@/lib/messaging/protocol';
import type { PanelStore } from '@/lib/state/panelStore';
import { DraftCoach } from './DraftCoach';
import { ErrorBoundary } from './ErrorBoundary';
import { Evidence } from './Evidence';
import { Gauge } from './Gauge';
import { PanelStoreProvider, usePanel } from './PanelContext';
import { Reminders } from './Reminders';
import { StateMessage } from './StateMessage';
import { Suggestions } from './Suggestions';
import './panel.css';

export interface AppProps {
  store: PanelStore;
  /** Notes and follow-up for the open conversation (wired to storage by the entrypoint). */
  renderNotes?: (conversation: ConversationSnapshot) => ReactNode;
}

export const UNSUPPORTED_TEXT = 'Open a Gmail thread or a Zendesk ticket to see its analysis';

const SITE_NAME: Record<SiteId, string> = { gmail: 'Gmail', zendesk: 'Zendesk' };

export function App({ store, renderNotes }: AppProps) {
  return (
    <PanelStoreProvider value={store}>
      <div className="panel">
        <ErrorBoundary>
          <Announcer />
          <Header />
          <main className="panel-body">
            <Notice />
            <Body renderNotes={renderNotes} />
          </main>
        </ErrorBoundary>
      </div>
    </PanelStoreProvider>
  );
}

/** Polite live region, always present, so a level change is read out when it happens. */
function Announcer() {
  const announcement = usePanel((s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {announcement}
    </div>
  );
}

/** Why the last Insert or Use rewrite changed nothing, kept on the view that replaced its conversation. */
function Notice() {
  const notice = usePanel((s) => s.notice);
  return notice ? (
    <p className="notice" role="status" data-testid="panel-notice">
      {notice}
    </p>
  ) : null;
}

function Header() {
  const conversation = usePanel((s) => s.conversation);
  const waiting = usePanel((s) => s.waitingHours);
  return (
    <header className="panel-header">
      <h1>Defuse</h1>
      {conversation ? (
        <p className="conversation" title={conversation.subject} data-testid="conversation" data-conversation={conversation.conversationId}>
          <span className="site">{SITE_NAME[conversation.site]}</span>{' '}
          <span className="subject" dir="auto">
            {conversation.subject || '(no subject)'}
          </span>
          {conversation.customerMessageCount > 1 ? (
            <span className="muted"> · {conversation.customerMessageCount} customer messages</span>
          ) : null}
        </p>
      ) : null}
      {conversation && waiting !== null ? (
        <p className="waiting" data-testid="waiting">
          Waiting {formatWait(waiting)} for an answer
        </p>
      ) : null}
    </header>
  );
}

function Body({ renderNotes }: Pick<AppProps, 'renderNotes'>) {
  const { status, site, reason, error, analysis, conversation, reminders } = usePanel(
    useShallow((s) => ({
      status: s.status,
      site: s.site,
      reason: s.noConversationReason,
      error: s.error,
      analysis: s.analysis,
      conversation: s.conversation,
      reminders: s.reminders,
    })),
  );

  switch (status) {
    case 'starting':
      return <StateMessage state="starting" title="Looking for an open conversation…" busy />;
    case 'unsupported':
      return (
        <StateMessage
          state="unsupported"
          title={`${UNSUPPORTED_TEXT}.`}
          detail="Defuse works beside Gmail (mail.google.com) and the Zendesk agent workspace (*.zendesk.com/agent)."
        />
      );
    case 'no-conversation':
      // The site adapter's reason is a sentence for the rep ("The customer's latest message is collapsed…").
      return reason ? (
        <StateMessage state="no-conversation" title={reason} />
      ) : (
        <StateMessage
          state="no-conversation"
          title="No conversation is open."
          detail={`${site === 'zendesk' ? 'Open a ticket' : site === 'gmail' ? 'Open a thread' : 'Open a thread or a ticket'} to see its analysis.`}
        />
      );
    case 'error':
      return <StateMessage state="error" title={error ?? 'Something went wrong.'} />;
    case 'analysing':
      return <StateMessage state="analysing" title="Analysing the latest customer message…" busy />;
  }

  if (!conversation || !analysis) return null;
  const notes = renderNotes?.(conversation);

  if (status === 'unscored') {
    return (
      <>
        <StateMessage
          state="unscored"
          title="Defuse can't score this message."
          detail={<span dir="auto">{capitalise(analysis.reason ?? 'It could not be read.')}</span>}
        />
        <DraftCoach />
        {notes}
      </>
    );
  }

  return (
    <>
      <Gauge score={analysis.score} level={analysis.level} frustrated={analysis.frustrated} />
      <Evidence analysis={analysis} text={conversation.latestCustomerText} />
      <Reminders reminders={reminders} />
      <Suggestions />
      <DraftCoach />
      {notes}
    </>
  );
}

function capitalise(text: string): string {
  const t = text.trim();
  const sentence = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

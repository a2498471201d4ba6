// Every Zendesk Support (agent workspace) selector Defuse relies on, with its evidence. Zendesk
// documents none of this DOM: `data-test-id` values are Zendesk's own test hooks, which public
// userscripts and extensions for the agent workspace (ticket translators, composer helpers, tab
// colourers) rely on too; generated class names are never used. Each list is tried in order and the
// first entry that matches wins; tests/sites/zendesk-selectors.test.ts has a test per entry. When a
// list stops matching, the adapter reports "no conversation" with a reason.
import type { SelectorList } from '../dom';

/** `/agent/tickets/123` (also `/agent/tickets/123/events`): the ticket the workspace shows. */
export const ticketPath = /^\/agent\/tickets\/(\d+)(?:\/|$)/;

/**
 * The selected ticket tab, used when the URL does not name a ticket. Userscripts read the selected
 * tab the same way: `a[data-test-id="header-tab"][data-entity-is-selected="true"]`, id in
 * `data-entity-id`.
 */
export const selectedTab: SelectorList = [
  'a[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"][data-entity-is-selected="true"]',
  '[data-test-id="header-tab"][data-entity-is-selected="true"]',
];
/** The selected tab's title (subject), when the subject field is not found. */
export const tabTitle: SelectorList = ['[data-test-id="header-tab-title"]'];

/**
 * The area of one mounted ticket (`{id}` = ticket number). Several tickets stay mounted as tabs, so
 * every query is scoped to this area. `data-ticket-id` wraps a ticket's whole pane (log, composer,
 * subject: a composer-helper userscript scopes its lookups with it); `data-side-conversations-anchor-id`
 * wraps the conversation log (a tab-colouring userscript reads the log through it). The first
 * candidate that contains a conversation log wins, and the area is then widened to the largest
 * ancestor that holds no other ticket (see zendesk.ts).
 */
export const ticketArea: SelectorList = ['[data-ticket-id="{id}"]', '[data-side-conversations-anchor-id="{id}"]'];
/** Any ticket's area: an ancestor holding one of these for another ticket is not this ticket's. */
export const anyTicketArea = '[data-ticket-id], [data-side-conversations-anchor-id]';

/** The conversation log (used to tell a ticket pane from a views-table row carrying the same id). */
export const log: SelectorList = ['[data-test-id="omni-log-container"]', 'article[data-test-id="omni-log-comment-item"]'];

/** One comment of the log. */
export const comment: SelectorList = ['article[data-test-id="omni-log-comment-item"]', '[data-test-id="omni-log-comment-item"]'];

/**
 * The message inside a comment. Its `type` attribute says who wrote it: `end-user`, `agent` or
 * `internal` (a translator userscript: "Messages are identified by the `type` attribute on
 * omni-log-item-message (`end-user` vs `agent`)"). Only `end-user` is the customer.
 */
export const message: SelectorList = ['[data-test-id="omni-log-item-message"]'];

/** The text of a message. `.zd-comment` is the rendered email body inside it (older hook). */
export const content: SelectorList = ['[data-test-id="omni-log-message-content"]', '.zd-comment'];

/** Marks an internal note even where `type` says otherwise: never scored. Every entry is checked. */
export const internalNote: SelectorList = ['[data-test-id="omni-log-internal-note-tag"]'];

/** Who wrote a comment (text). */
export const sender: SelectorList = ['[data-test-id="omni-log-item-sender"]'];

/** When a comment was written (`datetime` attribute, ISO). */
export const time: SelectorList = ['time[data-test-id="timestamp-relative"][datetime]', 'time[datetime]'];

/** The subject: an `<input>`, so its value is read, not its text. */
export const subject: SelectorList = ['input[data-test-id="omni-header-subject"]', '[data-test-id="omni-header-subject"]'];

/** Older comments folded away: the customer-message count is then a floor. */
export const showMore: SelectorList = ['[data-test-id="convolog-show-more-button"]'];

/**
 * The reply box (CKEditor 5: contenteditable, role textbox, class `ck-editor__editable`). Userscripts
 * target `[data-test-id="omnicomposer-rich-text-ckeditor"]`, the plain-text variant
 * `omnicomposer-plain-text-ckeditor`, and the older `ticket-rich-text-editor` wrapper; the last entry is
 * any CKEditor editable in the ticket area.
 */
export const replyBox: SelectorList = [
  '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]',
  '[data-test-id="omnicomposer-plain-text-ckeditor"][contenteditable="true"]',
  '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]',
  '.ck-editor__editable[contenteditable="true"][role="textbox"]',
];

/** Quoted history inside a comment (email replies quoted by the customer's mail client). Every entry is applied. */
export const quoted: SelectorList = ['.gmail_quote', 'blockquote'];

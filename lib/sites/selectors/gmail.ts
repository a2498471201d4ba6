// Every Gmail selector Defuse relies on, with its evidence. Gmail documents none of its DOM: these
// are observations shared with gmail.js (KartikTalwar/gmail.js, src/gmail.js) and InboxSDK
// (InboxSDK/InboxSDK, src/platform-implementation-js/dom-driver/gmail/views/). Each list is tried in
// order and the first entry that matches wins; tests/sites/gmail-selectors.test.ts has a test per
// entry. When a whole list stops matching, the adapter reports "no conversation" with a reason.
import type { SelectorList } from '../dom';

/**
 * The open thread's subject header. gmail.js reads `h2.hP` (`api.dom.email_subject`, filtered to the
 * visible one because Gmail keeps hidden views in the DOM); InboxSDK reads `.ha h2`
 * (gmail-thread-view.ts `getSubject`). The id attributes sit on the same h2 in current Gmail, so they
 * are fallbacks if the obfuscated `hP` class changes.
 */
export const subject: SelectorList = ['h2.hP', 'h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', '.ha h2'];

/**
 * The thread id, read from an attribute. `data-thread-perm-id` ("thread-f:…") is what gmail.js
 * `api.new.get.thread_id` reads; `data-legacy-thread-id` (hex) is the older id gmail.js
 * `api.get.thread_id` and InboxSDK `getThreadID` read. InboxSDK notes the value can be the string
 * "undefined": such values are skipped. When neither is present the URL hash is used (see gmail.ts).
 */
export const threadId: readonly { selector: string; attribute: string }[] = [
  { selector: '[data-thread-perm-id]', attribute: 'data-thread-perm-id' },
  { selector: 'h2[data-legacy-thread-id]', attribute: 'data-legacy-thread-id' },
];

/**
 * One message of the thread, expanded or collapsed. gmail.js `api.new.get.email_id` takes the last
 * `.adn[data-message-id]` as the latest message; the attribute is the anchor, not the class, so
 * collapsed messages (no `.adn`) are found too. `data-legacy-message-id` is the older attribute gmail.js
 * `api.dom.email` still reads.
 */
export const message: SelectorList = ['[data-message-id]', '[data-legacy-message-id]'];

/**
 * An expanded message (its body should be in the page): sites.md, "collapsed messages (class `kv` on
 * the container) have no body in the page; expanded ones have `h7`"; the message's list item also says
 * `aria-expanded="true"`. Used only to tell "collapsed" from "Gmail changed its page" when no body is
 * found; when neither matches, the message is taken as collapsed. Every entry is checked.
 */
export const expandedMessage: SelectorList = ['.h7', '[role="listitem"][aria-expanded="true"]'];

/**
 * A message's body; absent in collapsed messages. gmail.js `api.dom.email` uses `div.a3s`; InboxSDK
 * `getContentsElement` uses `div.ii.gt` and keeps `.adP` as its older fallback.
 */
export const body: SelectorList = ['div.a3s', 'div.ii.gt', '.adP'];

/**
 * A message's sender; its `email` and `name` attributes are read, never its text. gmail.js:
 * `span[email].gD` (`api.dom.email` "from"); InboxSDK `getSender`: `td.gF span[email]`. The last entry
 * takes any address in the message header that is not a recipient (`.g2`, gmail.js "to").
 */
export const sender: SelectorList = ['span.gD[email]', 'td.gF span[email]', 'h3 span[email]:not(.g2)'];

/** A message's time; the `title` holds the full date. gmail.js `api.dom.email` "timestamp": `span.g3`. */
export const time: SelectorList = ['span.g3[title]', 'span.g3'];

/**
 * Folded-away messages: InboxSDK's thread view treats `.adv` as the "N older messages" notice and
 * `.kQ` / `.kx` as hidden ("super-collapsed") messages (gmail-message-view.ts `getViewState`). When
 * any is present the customer-message count is a floor. Every entry is checked (not first-wins).
 */
export const foldedMessages: SelectorList = ['.adv', '.kQ', '.kx'];

/**
 * The reply box: Gmail's compose root is `div.M9` (gmail.js compose "reply"/"forward"), its body is
 * `div[g_editable="true"]` (InboxSDK gmail-compose-view.ts `getBodyElement`: `.Ap [g_editable=true]`).
 * `aria-label="Message Body"` is translated, so role/contenteditable is the second choice.
 */
export const replyBox: SelectorList = [
  'div.M9 div[g_editable="true"]',
  'div.M9 div[contenteditable="true"][role="textbox"]',
  'div[g_editable="true"][contenteditable="true"]',
];

/**
 * The send-as address of an open reply (`input[name=from]`, gmail.js compose `from()`), which can be
 * an alias of the signed-in account: messages from it are the rep's too. Every match is read.
 */
export const composeFrom: SelectorList = ['div.M9 input[name="from"]'];

/**
 * The signed-in account. gmail.js and InboxSDK read it from a page variable (GLOBALS[10]) that a
 * content script cannot see, so the account button is read instead: its label ends with
 * "(me@example.com)". The label's words are translated ("Google Account:" in English), the sign-out
 * link it points at is not. Last resort: the window title "<subject> - me@example.com - Gmail".
 */
export const account: SelectorList = [
  'a[aria-label^="Google Account:"]',
  'a[href^="https://accounts.google.com/SignOutOptions"][aria-label*="@"]',
];
export const titleAccount = /\s-\s([^\s]+@[^\s]+)\s-\s[^-]*$/;

/**
 * Quoted history inside a body, dropped before scoring. InboxSDK `isElementInQuotedArea` treats
 * anything inside BLOCKQUOTE as quoted; Gmail wraps its own quotes in `.gmail_quote` (with the
 * "On … wrote:" line in `.gmail_attr`, outside the blockquote). Every entry is applied.
 */
export const quoted: SelectorList = ['.gmail_quote', 'blockquote'];

/**
 * Outlook replies put the history after a `divRplyFwdMsg` header (Gmail prefixes ids of received
 * mail, hence `$=`), with no wrapper: everything from there on is cut.
 */
export const quotedFrom: SelectorList = ['[id$="divRplyFwdMsg"]', '[id$="appendonsend"]'];

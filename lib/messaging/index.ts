// Typed helpers over browser.runtime / browser.tabs messaging, for the background and the content
// scripts. Every message is an Envelope `{ type, data }` named in ProtocolMap.
//
// Answers use `sendResponse` + `return true`, which Chrome and Firefox both honour (Chrome only
// recently learned to await a returned promise); when a listener is called without `sendResponse`
// (WXT's fakeBrowser in tests) the promise is returned instead.
import { browser } from 'wxt/browser';
import type { Envelope, MessageName, ProtocolMap } from './protocol';

export type { Envelope, MessageName, ProtocolMap } from './protocol';
export type Req<K extends MessageName> = ProtocolMap[K]['req'];
export type Res<K extends MessageName> = ProtocolMap[K]['res'];

/** What a listener learns about who sent a message (the subset of runtime.MessageSender used here). */
export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; windowId?: number };
}

export type Handler<K extends MessageName> = (data: Req<K>, sender: MessageSender) => Res<K> | Promise<Res<K>>;
export type Handlers = { [K in MessageName]?: Handler<K> };

export function envelope<K extends MessageName>(type: K, data: Req<K>): Envelope<K> {
  return { type, data };
}

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    'data' in message
  );
}

type RawListener = (message: unknown, sender: MessageSender, sendResponse?: (response?: unknown) => void) => unknown;

/**
 * A runtime.onMessage listener that answers only the types it has a handler for, so several
 * listeners (background, side panel, content script) never answer each other's messages. Handlers
 * run synchronously inside the listener, so APIs that need the user's gesture (sidePanel.open) work.
 */
export function createListener(handlers: Handlers, onError?: (error: unknown) => void): RawListener {
  return (message, sender, sendResponse) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as Handler<MessageName> | undefined;
    if (!handler) return undefined;
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(handler(message.data as never, sender ?? {}));
    } catch (error) {
      result = Promise.reject(error);
    }
    const settled = result.catch((error: unknown) => {
      onError?.(error);
      return undefined;
    });
    if (typeof sendResponse === 'function') {
      void settled.then((value) => sendResponse(value ?? null));
      return true;
    }
    return settled;
  };
}

interface MessageEvent {
  addListener(cb: RawListener): void;
  removeListener(cb: RawListener): void;
}

/** Listens on `browser.runtime.onMessage` (or another event). Returns a function that stops listening. */
export function onMessage(handlers: Handlers, options: { event?: MessageEvent; onError?: (e: unknown) => void } = {}): () => void {
  const event = options.event ?? (browser.runtime.onMessage as unknown as MessageEvent);
  const listener = createListener(handlers, options.onError);
  event.addListener(listener);
  return () => event.removeListener(listener);
}

/** To the extension's own pages and background. Resolves undefined when nobody answered. */
export async function sendMessage<K extends MessageName>(type: K, data: Req<K>): Promise<Res<K> | undefined> {
  const answer: unknown = await browser.runtime.sendMessage(envelope(type, data));
  return (answer ?? undefined) as Res<K> | undefined;
}

/** To the content script of a tab (top frame only: Defuse's content scripts run there). */
export async function sendToTab<K extends MessageName>(tabId: number, type: K, data: Req<K>): Promise<Res<K> | undefined> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, envelope(type, data), { frameId: 0 });
  return (answer ?? undefined) as Res<K> | undefined;
}

/** The typed send/listen pair a content script uses; tests pass a fake. */
export interface Messenger {
  send<K extends MessageName>(type: K, data: Req<K>): Promise<Res<K> | undefined>;
  listen(handlers: Handlers): () => void;
}

export const runtimeMessenger: Messenger = {
  send: sendMessage,
  listen: (handlers) => onMessage(handlers),
};

// The slice of the WebExtension API follow-ups use. `browser` from wxt/browser satisfies it (checked in
// tests/followups/browser.test.ts); tests pass a fake.
interface Listener<A extends unknown[]> {
  addListener(callback: (...args: A) => void): void;
}

export interface TabInfo {
  id?: number;
  url?: string;
  windowId?: number;
}

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
}

export interface FollowUpBrowser {
  alarms: {
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean> | void;
    getAll?(): Promise<{ name: string }[]>;
    onAlarm: Listener<[{ name: string }]>;
  };
  notifications: {
    create(id: string, options: NotificationOptions): Promise<string> | void;
    clear(id: string): Promise<boolean> | void;
    onClicked: Listener<[string]>;
  };
  tabs: {
    query(query: { url?: string | string[] }): Promise<TabInfo[]>;
    create(props: { url: string; active?: boolean }): Promise<unknown>;
    update(tabId: number, props: { active?: boolean }): Promise<unknown>;
  };
  windows?: {
    update(windowId: number, props: { focused?: boolean }): Promise<unknown>;
  };
  runtime: {
    onStartup: Listener<[]>;
    onInstalled: Listener<[unknown]>;
    getURL(path: string): string;
  };
}

export const ALARM_PREFIX = 'followup:';
/** The alarm and the notification of a follow-up share this name. */
export const alarmName = (id: number) => `${ALARM_PREFIX}${id}`;
export function idFromAlarm(name: string): number | null {
  if (!name.startsWith(ALARM_PREFIX)) return null;
  const id = Number(name.slice(ALARM_PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

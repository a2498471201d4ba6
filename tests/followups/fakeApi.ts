// A fake of the WebExtension slice follow-ups use: records calls, and lets a test fire the events.
import type { FollowUpBrowser, NotificationOptions, TabInfo } from '@/lib/followups';

type Fn = (...args: never[]) => void;
function event<F extends Fn>() {
  const listeners: F[] = [];
  return {
    listeners,
    addListener: (cb: F) => void listeners.push(cb),
    fire: (...args: Parameters<F>) => listeners.forEach((l) => l(...args)),
  };
}

export function fakeApi(tabs: TabInfo[] = []) {
  const alarms = new Map<string, number>();
  const notifications = new Map<string, NotificationOptions>();
  const calls = { tabsCreated: [] as string[], tabsActivated: [] as number[], windowsFocused: [] as number[] };
  const onAlarm = event<(a: { name: string }) => void>();
  const onClicked = event<(id: string) => void>();
  const onStartup = event<() => void>();
  const onInstalled = event<(d: unknown) => void>();

  const api = {
    alarms: {
      create: async (name: string, info: { when: number }) => void alarms.set(name, info.when),
      clear: async (name: string) => alarms.delete(name),
      getAll: async () => [...alarms.keys()].map((name) => ({ name })),
      onAlarm,
    },
    notifications: {
      create: async (id: string, options: NotificationOptions) => (notifications.set(id, options), id),
      clear: async (id: string) => notifications.delete(id),
      onClicked,
    },
    tabs: {
      query: async ({ url }: { url?: string | string[] }) => {
        const prefix = typeof url === 'string' ? url.replace(/\*$/, '') : '';
        return tabs.filter((t) => t.url?.startsWith(prefix));
      },
      create: async ({ url }: { url: string }) => void calls.tabsCreated.push(url),
      update: async (id: number) => void calls.tabsActivated.push(id),
    },
    windows: { update: async (id: number) => void calls.windowsFocused.push(id) },
    runtime: { onStartup, onInstalled, getURL: (p: string) => `chrome-extension://defuse${p}` },
  } satisfies FollowUpBrowser;

  return { api, alarms, notifications, calls, onAlarm, onClicked, onStartup, onInstalled };
}

/** Lets queued async work (listeners that start promises) finish. */
export const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

// Wiring only: the side panel on Gmail/Zendesk tabs, message routing, the badge's analysis,
// follow-up reminders and the daily clean-up. Logic lives in lib/ (tested with fake browsers).
import { analyzeMessage } from '@/lib/analysis';
import { startBackground, type BackgroundBrowser } from '@/lib/background';
import { registerRetention } from '@/lib/background/retention';
import { pageSettingsReader } from '@/lib/background/settings';
import { registerFollowUps, type FollowUpBrowser } from '@/lib/followups';

export default defineBackground(() => {
  // All listeners are registered synchronously, before any await, so an event that wakes the worker is seen.
  startBackground(browser as unknown as BackgroundBrowser, (text, options) => analyzeMessage(text, options), {
    pageSettings: pageSettingsReader(),
  });
  registerFollowUps(browser as unknown as FollowUpBrowser, { iconUrl: browser.runtime.getURL('/icon/128.png') });
  registerRetention(browser as unknown as Parameters<typeof registerRetention>[0]);
});

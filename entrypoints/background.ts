// Wiring only: the side panel on Gmail/Zendesk tabs, message routing, the badge's analysis.
// Logic lives in lib/background (tested with a fake browser).
import { analyzeMessage } from '@/lib/analysis';
import { startBackground, type BackgroundBrowser } from '@/lib/background';

export default defineBackground(() => {
  startBackground(browser as unknown as BackgroundBrowser, (text, options) => analyzeMessage(text, options));
});

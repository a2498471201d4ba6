// The coach's rules and phrasing are English-only, so a draft in another language gets one info
// finding instead of a page of nonsense. It uses the scorer's check (script, then function words),
// so a message and a draft are judged the same way.
import { detectLanguage } from '@/lib/analysis/language';

/** False only when the text clearly is not English; short, mixed or letterless text counts as English. */
export function looksEnglish(text: string): boolean {
  return detectLanguage(text) !== 'other';
}

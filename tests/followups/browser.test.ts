// The real WebExtension API (WXT's `browser`) fits the slice follow-ups ask for: checked by the type checker.
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { FollowUpBrowser } from '@/lib/followups';

describe('FollowUpBrowser', () => {
  it('is satisfied by WXT\'s browser, so the background can pass it as is', () => {
    const api: FollowUpBrowser = browser;
    expect(api).toBeDefined();
  });
});

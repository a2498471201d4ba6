export default defineBackground(() => {
  // Chrome: the toolbar button opens the side panel. Wiring grows in later issues.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
});

// lib/followups: reminders to get back to a conversation. The panel schedules (schedule.ts); the
// background rings and re-arms (background.ts). Records live in lib/storage.
export { scheduleFollowUp, markDone, snooze, cancelFollowUp, restoreFollowUp, type FollowUpDeps } from './schedule';
export { registerFollowUps, followUpService, type FollowUpsService, type RegisteredFollowUps, type RegisterOptions } from './background';
export { dueTime, type FollowUpWhen } from './due';
export { alarmName, type FollowUpBrowser, type NotificationOptions, type TabInfo } from './browser';
export { listOverdue, getPendingFollowUp, listFollowUps, type FollowUpRecord, type FollowUpTarget } from '@/lib/storage';

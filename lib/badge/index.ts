export { ariaLabel, BADGE_TAG, createBadge, HINT_MS, type BadgeController, type BadgeData } from './badge';
export { LEVEL_LABEL } from './style';
export { createRestoreBudget, RESTORE_LIMIT, RESTORE_WINDOW_MS, type RestoreBudget } from './restore';

export { ariaLabel, BADGE_TAG, createBadge, HINT_MS, type BadgeController, type BadgeData } from './badge';
export { LEVEL_LABEL } from './style';

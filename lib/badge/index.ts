export { ariaLabel, BADGE_TAG, createBadge, type BadgeController, type BadgeData } from './badge';
export { LEVEL_LABEL } from './style';

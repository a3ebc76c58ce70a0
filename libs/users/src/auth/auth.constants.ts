export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const SESSION_TTL_DAYS = 30;
export const PASSWORD_RESET_TTL_MINUTES = 60;
export const ACTIVATION_TTL_DAYS = 7;

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
export const EMAIL_CHANGE_TTL_HOURS = 24;

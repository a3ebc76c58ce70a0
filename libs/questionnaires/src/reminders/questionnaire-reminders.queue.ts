/** Every few minutes: sends the day's reminders once the organisation's daily run time has come. */
export const QUESTIONNAIRE_REMINDERS_QUEUE = 'questionnaire-reminders';
export const QUESTIONNAIRE_REMINDER_TICK_JOB = 'questionnaire-reminder-tick';
export const QUESTIONNAIRE_REMINDER_SCHEDULER_ID = 'questionnaire-reminder-tick';
export const QUESTIONNAIRE_REMINDER_TICK_EVERY_MS = 5 * 60_000;
/** A member is reminded of one questionnaire at most once in this many days. */
export const REMINDER_INTERVAL_DAYS = 7;

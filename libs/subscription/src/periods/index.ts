export * from './local-dates';
export * from './add-periods';
export * from './billing-cycle';

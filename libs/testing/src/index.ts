export * from './smtp-sink';
export * from './redis-server';
export * from './wait-until';
export * from './worker-testing';
export * from './solve-captcha';
export * from './seed-members';
export * from './fake-stripe';
export * from './seed-subscriptions';

/** Subscriptions and their periods (product §5–§6). */
export * from './periods';

/** Subscriptions and their periods (product §5–§6). */
export * from './periods';
export * from './subscription.module';
export * from './subscription.http.module';
export * from './subscription.schema';
export * from './subscription.types';
export * from './subscription-state';
export { SubscriptionService } from './subscription.service';
export * from './dto/subscription-response.dto';
export * from './dto/subscription-request.dto';

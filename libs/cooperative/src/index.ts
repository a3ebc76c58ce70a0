/** Co-operative shares (product §10, issue 18). */
export * from './cooperative.module';
export * from './cooperative.http.module';
export * from './cooperative.schema';
export * from './share-subscription-state';
export * from './share-register-arithmetic';
export { ShareClassesService } from './share-classes/share-classes.service';
export { ShareSubscriptionsService } from './share-subscriptions/share-subscriptions.service';
export { ShareSubscriptionOutcomesHandler } from './share-subscriptions/share-subscription-outcomes.handler';
export { ShareRegisterService } from './share-register/share-register.service';
export { renderShareCertificatePdf, type ShareCertificatePdf } from './certificates/share-certificate-pdf';
export * from './share-classes/share-class.dto';
export * from './share-subscriptions/share-subscription.dto';
export * from './share-register/share-register.dto';

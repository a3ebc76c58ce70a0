export * from './mail.types';
export * from './email-state';
export * from './notifications.queue';
export * from './notifications.schema';
export * from './notifications.module';
export * from './notifications.http.module';
export * from './notifications.worker.module';
export { MailService } from './mail.service';
export { EmailLogService } from './email-log.service';
export {
  EmailRenderer,
  UnknownEmailTemplateError,
  EMAIL_TEMPLATES_DIR,
  type EmailOrganisation,
  type RenderedEmail,
} from './email-renderer';
export {
  MailDeliveryService,
  EmailBusyError,
  MissingAttachmentError,
  type DeliveryAttempt,
  type DeliveryOutcome,
} from './mail-delivery.service';
export { MailTransport, type MailToSend } from './mail-transport';
export { EmailRetrySchedule, EmailDeferredError } from './email-retry-schedule';
export { EmailResponseDto, EmailPageDto } from './dto/email-response.dto';
export { ListEmailsQueryDto } from './dto/list-emails-query.dto';
export { queuedEmailsSql } from './queued-emails-sql';

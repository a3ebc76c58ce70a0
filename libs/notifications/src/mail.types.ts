export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Template name → the data it needs. A domain adds a template by adding an entry here and the
 * files `templates/<name>/<locale>.{subject,html,text}.hbs` for every locale.
 */
export interface EmailTemplates {
  'password-reset': { name: string; resetUrl: string; expiresInMinutes: number };
  'staff-invitation': { name: string; activationUrl: string; expiresInDays: number; invitedBy: string };
  'portal-invitation': { name: string; activationUrl: string; expiresInDays: number };
  'application-received': { name: string; reference: string; planName: string };
}

export type TemplateName = keyof EmailTemplates;

export interface OutgoingEmail<T extends TemplateName> {
  to: string;
  template: T;
  locale: Locale;
  data: EmailTemplates[T];
  /** keys of data that carry secrets (one-time links): kept only until sent, then erased */
  secretKeys?: (keyof EmailTemplates[T])[];
}

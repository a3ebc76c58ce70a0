export * from './settings.module';
export * from './settings.http.module';
export * from './settings.schema';
export * from './organisation-settings.service';
export { OrganisationLogoService, LOGO_RULE, type LogoFile } from './organisation-logo.service';
export * from './billing-profile';
export * from './dto/organisation-settings.dto';
export { BillingSettingsDto, OrganisationLogoDto, BILLING_DEFAULTS, LOGO_PATH } from './dto/billing-settings.dto';
export { TIME_ZONES, CURRENCIES, compactIban, Iban } from './dto/billing-validators';

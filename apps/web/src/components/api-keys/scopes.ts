import type { ApiKeyScope } from '@/api/types';

/** The scopes an API key can hold today, with the message saying what each allows. */
export const API_KEY_SCOPES: { value: ApiKeyScope; helpKey: string }[] = [
  { value: 'applications:write', helpKey: 'apiKeys.scopeHelp.applicationsWrite' },
  { value: 'orders:write', helpKey: 'apiKeys.scopeHelp.ordersWrite' },
  { value: 'members:read', helpKey: 'apiKeys.scopeHelp.membersRead' },
  { value: 'invoices:read', helpKey: 'apiKeys.scopeHelp.invoicesRead' },
  { value: 'subscriptions:read', helpKey: 'apiKeys.scopeHelp.subscriptionsRead' },
  { value: 'questionnaires:read', helpKey: 'apiKeys.scopeHelp.questionnairesRead' },
  { value: 'questionnaires:write', helpKey: 'apiKeys.scopeHelp.questionnairesWrite' },
];

import type { ApiKeyScope } from '@/api/types';

/** The scopes an API key can hold today, with what they allow. */
export const API_KEY_SCOPES: { value: ApiKeyScope; label: string; help: string }[] = [
  {
    value: 'applications:write',
    label: 'applications:write',
    help: 'Submit membership applications (e.g. from your website).',
  },
  { value: 'orders:write', label: 'orders:write', help: 'Create and confirm orders (e.g. from your shop).' },
  { value: 'members:read', label: 'members:read', help: 'Read members and their status (e.g. for your CRM).' },
];

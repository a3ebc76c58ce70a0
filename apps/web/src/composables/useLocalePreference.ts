import { api } from '@/api/client';
import { errorMessage, unwrap } from '@/api/problem';
import { setLocale, type AppLocale } from '@/i18n';
import { useAuthStore } from '@/stores/auth';

/**
 * A signed-in person's choice of language: the SPA speaks it at once, and it is saved on their
 * account (PATCH /me/preferences) so their next sign-in, on any device, and their e-mails use it.
 * Resolves to null when saved, else the reason it could not be (the SPA keeps the language anyway).
 */
export function useLocalePreference() {
  const auth = useAuthStore();

  async function choose(locale: AppLocale): Promise<string | null> {
    setLocale(locale);
    try {
      const user = await unwrap(api.PATCH('/api/v1/me/preferences', { body: { locale } }));
      if (auth.user) auth.user.locale = user.locale;
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  return { choose };
}

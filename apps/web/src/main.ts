import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { configureAuth } from './api/client';
import { useAuthStore } from './stores/auth';
import { i18n, initialLocale, setLocale } from './i18n';
import './styles/tokens.css';
import './styles/base.css';
import './styles/list-page.css';

setLocale(initialLocale());
const app = createApp(App);
app.use(i18n);
const pinia = createPinia();
app.use(pinia);

const auth = useAuthStore(pinia);

/** The session ended (refresh refused, or signed out in another tab): back to sign-in. */
function toSignIn() {
  const current = router.currentRoute.value;
  if (current.name === 'sign-in') return;
  void router.push({
    name: 'sign-in',
    query: current.meta.requiresAuth ? { redirect: current.fullPath, expired: '1' } : { expired: '1' },
  });
}

configureAuth({
  getAccessToken: () => auth.accessToken,
  refresh: () => auth.refresh(),
  onSessionExpired: () => {
    if (!auth.isAuthenticated && router.currentRoute.value.name === 'sign-in') return;
    auth.clearSession();
    toSignIn();
  },
});
auth.followOtherTabs(toSignIn);

app.use(router);
// Mount once the session is restored and the first page resolved: no flash of the wrong page.
void router.isReady().then(() => app.mount('#app'));

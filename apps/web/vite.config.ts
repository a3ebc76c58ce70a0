import { defineConfig, type ProxyOptions } from 'vite';
import vue from '@vitejs/plugin-vue';
import { SPA_SECURITY_HEADERS } from './security-headers';

// The API (apps/api) listens on 127.0.0.1:3000; the SPA calls it same-origin under /api.
const apiProxy: Record<string, ProxyOptions> = {
  '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false, xfwd: true },
};

export default defineConfig({
  plugins: [
    vue({
      // <altcha-widget> (the captcha of the public application form) is a web component.
      template: { compilerOptions: { isCustomElement: (tag) => tag === 'altcha-widget' } },
    }),
  ],
  resolve: {
    alias: { '@': decodeURIComponent(new URL('./src', import.meta.url).pathname) },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy: apiProxy },
  // The development server does without them: Vite's hot reload injects inline scripts.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy: apiProxy, headers: { ...SPA_SECURITY_HEADERS } },
  build: {
    target: 'es2022',
    // No source maps in the build: they would publish the SPA's sources next to it.
    sourcemap: false,
    // naive-ui is large; route-level code splitting keeps each page small.
    chunkSizeWarningLimit: 900,
  },
});

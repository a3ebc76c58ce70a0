/**
 * The headers the SPA is served with: by `vite preview` (vite.config.ts), by nginx in production
 * (deploy/spa-security-headers.conf, kept equal to this by a test) and by the e2e tests' server.
 *
 * What the policy allows beyond 'self', and why:
 * - style-src 'unsafe-inline': naive-ui (css-render) and the altcha widget insert <style> elements
 *   at run time, and index.html has its boot-screen styles inline. A nonce cannot help a static
 *   SPA (it must change with every response). Scripts stay 'self' only: no inline script, no eval.
 * - img-src data: blob:: signature pad images (data: URLs) and previews of chosen files (blob:).
 * - worker-src blob:: the altcha widget solves its proof of work in a worker made from a Blob.
 * - frame-src blob:: an invoice's PDF, fetched with the bearer token, is shown in the page from an
 *   object URL (the browser's PDF viewer in an <iframe>). Nothing from another origin is framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SPA_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // For browsers older than frame-ancestors.
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Nothing of a page's address (a route, a search) goes to another site.
  'Referrer-Policy': 'no-referrer',
  // Ignored by browsers over plain http (development); binding once the site is served over https.
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/**
 * The renderer's Content Security Policy, the same in Electron and the browser
 * host: only our own bundled scripts and styles, no inline script, no eval, no
 * remote anything, nothing framed, no forms posted.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "worker-src 'self'",
].join('; ');

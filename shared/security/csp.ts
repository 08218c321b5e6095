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

/**
 * The same policy for the page's own <meta> tag. frame-ancestors only works as
 * a header (a meta copy is ignored with a console error), and both transports
 * send the header, so the meta copy leaves it out.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

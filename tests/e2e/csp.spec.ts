import { APP_RESPONSE_HEADERS, withContentSecurityPolicy } from '../../electron/app/shell-policy';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { expect, test } from './fixtures';

// The page fixture, not `app`: this test provokes CSP violations on purpose, and Chromium logs each as a console error.

test('the CSP is one policy: the browser host header, the page meta tag (less the header-only frame-ancestors) and the Electron shell', async ({ page, host }) => {
  const response = await page.goto(host.url);
  const header = response!.headers()['content-security-policy'];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(header).toBe(CONTENT_SECURITY_POLICY);
  expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY.replace("; object-src", "; frame-ancestors 'none'; object-src")}`);
  expect(withContentSecurityPolicy({ 'content-security-policy': "script-src 'unsafe-inline'" })['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  // The app itself runs under it: the Library is there.
  await expect(page.getByRole('region', { name: 'Library' })).toBeVisible();
});

test('an injected inline script, inline event handlers, a javascript: URL and a remote script are all refused', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('region', { name: 'Library' })).toBeVisible();
  const result = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));

    // What hostile imported HTML would try if it ever reached the DOM unsanitised.
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = 1';
    document.body.appendChild(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__pwned2 = 1"><img src="x" onerror="window.__pwned3 = 1">';
    document.body.appendChild(holder);
    const link = document.createElement('a');
    link.href = 'javascript:window.__pwned4 = 1';
    document.body.appendChild(link);
    link.click();
    // (eval is not tried here: code run through page.evaluate is exempt from the page's CSP in Chromium,
    // so it would prove nothing; tests/security/electron-shell.test.ts checks script-src has no 'unsafe-eval'.)
    const remote = document.createElement('script');
    remote.src = 'https://evil.example/x.js';
    document.body.appendChild(remote);

    await new Promise((r) => setTimeout(r, 500));
    return {
      pwned: [w.__pwned, w.__pwned2, w.__pwned3, w.__pwned4],
      violations,
    };
  });
  expect(result.pwned).toEqual([undefined, undefined, undefined, undefined]);
  expect(result.violations.some((v) => v.startsWith('script-src-elem inline'))).toBe(true);
  expect(result.violations.some((v) => v.startsWith('script-src-attr inline'))).toBe(true);
  expect(result.violations.some((v) => v.includes('https://evil.example'))).toBe(true);
});

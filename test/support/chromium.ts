import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian chromium through playwright-core (browsers downloaded by test tools do not run here; e2e/setup.sh installs
 * chromium). Headless, no background traffic.
 */
export function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    env,
  });
}

/**
 * Keeps a page on loopback: any request to another host is refused and recorded, so a test can assert that nothing
 * (no CDN, no font, no telemetry) left the machine.
 */
export async function loopbackOnly(target: Page | BrowserContext): Promise<string[]> {
  const offSite: string[] = [];
  await target.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'blob:' || url.protocol === 'data:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    offSite.push(url.href);
    return route.abort();
  });
  return offSite;
}

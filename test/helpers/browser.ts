import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';

/** Flags for a quiet, sandbox-free headless Chromium that makes no background requests. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Where we look for Chromium: $CRM_CHROMIUM, else the Debian package's path. */
const wantedPath = (): string => process.env.CRM_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The Chromium executable to use, or null when it is not installed.
 * @example const exe = chromiumPath(); // '/usr/bin/chromium'
 */
export function chromiumPath(): string | null {
  const p = wantedPath();
  return existsSync(p) ? p : null;
}

/**
 * `describe` when Chromium is available, `describe.skip` otherwise, so machines without a browser
 * still run the rest of the suite. With CRM_REQUIRE_BROWSER=1 (CI) a missing browser is an error
 * instead of a silent skip.
 *
 * @example describeBrowser('report in Chromium', () => { it('renders', async () => {}); });
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (chromiumPath() !== null) return void describe(name, fn);
  if (process.env.CRM_REQUIRE_BROWSER === '1') {
    throw new Error(
      `Chromium not found at ${wantedPath()}; install it with apt-get install chromium or set CRM_CHROMIUM`,
    );
  }
  describe.skip(name, fn);
}

/** What the page did while it was open. */
export interface PageLog {
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
}

/** Hooks for openInBrowser. */
export interface OpenOptions {
  /** Runs before the file loads, e.g. to add an init script. */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/**
 * Open a local HTML file in a fresh headless Chromium, run `fn`, then close the browser. Requests,
 * console errors, page errors and dialogs are recorded from before the first byte loads; dialogs
 * are dismissed so a stray alert() cannot hang the test.
 *
 * @example
 * await openInBrowser('/tmp/report.html', async (page, log) => {
 *   await page.waitForSelector('svg');
 *   expect(log.pageErrors).toEqual([]);
 * });
 */
export async function openInBrowser(
  file: string,
  fn: (page: Page, log: PageLog) => Promise<void>,
  options: OpenOptions = {},
): Promise<void> {
  const executablePath = chromiumPath();
  if (executablePath === null) throw new Error(`Chromium not found at ${wantedPath()}`);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const log = record(page);
    await options.beforeLoad?.(page);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await fn(page, log);
  } finally {
    await browser.close();
  }
}

function record(page: Page): PageLog {
  const log: PageLog = { requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return log;
}

import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const f of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto('file://' + f);
  for (const c of await page.locator('[data-chart]').all()) await c.locator('svg').first().waitFor();
  const text = await page.evaluate(() => document.body.innerText);
  const svgText = await page.evaluate(() => [...document.querySelectorAll('svg text')].map((t) => t.textContent).join(' | '));
  console.log('----', f, 'dollar in text:', text.includes('$'), 'in svg:', svgText.includes('$'), '£ in svg:', (svgText.match(/£/g)||[]).length);
  console.log(text.slice(0, 1500));
  console.log(svgText.split(' | ').filter(s=>/£|€|\d,\d/.test(s)).slice(0,30).join(' | '));
  await page.screenshot({ path: f.replace('.html', '.png'), fullPage: false });
}
await browser.close();

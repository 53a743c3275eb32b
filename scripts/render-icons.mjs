// Renders build/icon.svg to the PNG sizes electron-builder wants, with the
// same headless Chromium the tests use (no image toolchain needed).
// Run after editing the SVG: node scripts/render-icons.mjs
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'

const svg = readFileSync(new URL('../build/icon.svg', import.meta.url), 'utf8')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
try {
  for (const size of [1024, 512, 256]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } })
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`)}</body></html>`,
    )
    const name = size === 512 ? 'icon.png' : `icon-${size}.png`
    await page.screenshot({ path: new URL(`../build/${name}`, import.meta.url).pathname, omitBackground: true })
    await page.close()
    console.log(`build/${name}`)
  }
} finally {
  await browser.close()
}

// Renders build/icon.svg to every icon file the installers need, with the same headless Chromium the
// tests use (no image toolchain): build/icon.png (512) and icon-256/-1024.png, build/icons/NxN.png
// (Linux), build/icon.ico (Windows), build/icon.icns (macOS). The outputs are committed.
// Run after editing the SVG: node scripts/render-icons.mjs
/* global Image, document -- these run inside the Chromium page (page.evaluate). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { writeIcns, writeIco } from './icon-containers.mjs'

const buildDir = new URL('../build/', import.meta.url)
const svg = readFileSync(new URL('icon.svg', buildDir), 'utf8')
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]

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
const rendered = new Map()
try {
  const page = await browser.newPage()
  for (const size of SIZES) {
    // The SVG drawn on a canvas gives both the PNG and the raw pixels (for the .ico's BMP images).
    const { png, rgba } = await page.evaluate(
      async ({ svg, size }) => {
        const image = new Image()
        image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`
        await image.decode()
        const canvas = document.createElement('canvas')
        canvas.width = size
        canvas.height = size
        const context = canvas.getContext('2d')
        context.imageSmoothingQuality = 'high'
        context.drawImage(image, 0, 0, size, size)
        const pixels = context.getImageData(0, 0, size, size).data
        return { png: canvas.toDataURL('image/png').split(',')[1], rgba: Array.from(pixels) }
      },
      { svg, size },
    )
    rendered.set(size, { size, png: Buffer.from(png, 'base64'), rgba: Uint8Array.from(rgba) })
  }
} finally {
  await browser.close()
}

const write = (name, bytes) => {
  writeFileSync(new URL(name, buildDir), bytes)
  console.log(`build/${name}`)
}
write('icon.png', rendered.get(512).png)
write('icon-256.png', rendered.get(256).png)
write('icon-1024.png', rendered.get(1024).png)
mkdirSync(new URL('icons/', buildDir), { recursive: true })
for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, rendered.get(size).png)
write('icon.ico', writeIco(ICO_SIZES.map((size) => rendered.get(size))))
write('icon.icns', writeIcns(new Map([...rendered].map(([size, { png }]) => [size, png]))))

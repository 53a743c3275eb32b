import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  badgeLabel,
  COLORS,
  drawTrayIcon,
  renderOverlayIcon,
  renderTrayIcon,
  textWidth,
  TRAY_ICON_SIZE,
  trayTooltip,
  type Rgba,
} from './tray-icon'
import ar from '../../shared/i18n/catalogs/ar.json'
import ptBR from '../../shared/i18n/catalogs/pt-BR.json'
import { createMainI18n } from '../i18n'

/** A minimal PNG reader for what encodePng writes (8-bit RGBA, filter 0): checks the bytes are a real PNG. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  let offset = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.subarray(offset + 4, offset + 8).toString('ascii')
    const data = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      expect([data[8], data[9]]).toEqual([8, 6])
    }
    if (type === 'IDAT') idat.push(data)
    offset += 12 + length
  }
  const raw = inflateSync(Buffer.concat(idat))
  const pixels = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0)
    pixels.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4)
  }
  return { width, height, pixels }
}

const count = (pixels: Uint8Array, color: Rgba) => {
  let n = 0
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] === color[0] && pixels[i + 1] === color[1] && pixels[i + 2] === color[2] && pixels[i + 3] === 255) n++
  }
  return n
}

describe('badge label and tooltip', () => {
  it('shows nothing at zero, the count up to 99, then 99+', () => {
    expect([0, -3, Number.NaN, 1, 9, 42, 99, 100, 12345].map(badgeLabel)).toEqual([
      '',
      '',
      '',
      '1',
      '9',
      '42',
      '99',
      '99+',
      '99+',
    ])
  })

  it('says how many are unread, or just the name', () => {
    const { t } = createMainI18n({ systemLocales: ['en-US'], preference: 'system' })
    expect(trayTooltip(0, t)).toBe('Inbox Desk')
    expect(trayTooltip(3, t)).toBe('Inbox Desk — 3 unread')
    expect(trayTooltip(250, t)).toBe('Inbox Desk — 99+ unread')
  })
  it('says the count in the UI language, with its plural', () => {
    const { t } = createMainI18n({ systemLocales: [], preference: 'ar' })
    expect(trayTooltip(1, t)).toBe(ar.tray.tooltip_one)
    expect(trayTooltip(2, t)).toBe(ar.tray.tooltip_two)
    expect(trayTooltip(5, t)).toBe(ar.tray.tooltip_few.replace('{{badge}}', '5'))
    const pt = createMainI18n({ systemLocales: ['pt-BR'], preference: 'system' }).t
    expect(trayTooltip(1, pt)).toBe(ptBR.tray.tooltip_one.replace('{{badge}}', '1'))
    expect(trayTooltip(7, pt)).toBe(ptBR.tray.tooltip_other.replace('{{badge}}', '7'))
  })
})

describe('renderTrayIcon', () => {
  it('is a valid 32×32 RGBA PNG whose pixels are what was drawn', () => {
    const png = renderTrayIcon(7)
    const decoded = decodePng(png)
    expect(decoded.width).toBe(TRAY_ICON_SIZE)
    expect(decoded.height).toBe(TRAY_ICON_SIZE)
    expect(decoded.pixels).toEqual(drawTrayIcon(7).pixels)
  })

  it('has no badge at zero, and a red badge with white text and rim when something is unread', () => {
    expect(count(decodePng(renderTrayIcon(0)).pixels, COLORS.badge)).toBe(0)
    const withBadge = decodePng(renderTrayIcon(5)).pixels
    expect(count(withBadge, COLORS.badge)).toBeGreaterThan(40)
    // The badge sits bottom-right; its rim is white where the blue mark was.
    const canvas = drawTrayIcon(5)
    const badgeRow = TRAY_ICON_SIZE - 3
    const reds = [...Array(TRAY_ICON_SIZE).keys()].filter((x) => canvas.get(x, badgeRow).join() === COLORS.badge.join())
    expect(reds.length).toBeGreaterThan(0)
    expect(canvas.get(TRAY_ICON_SIZE - 1 - 1, TRAY_ICON_SIZE - 10)[0]).toBeGreaterThan(200)
  })

  it('draws the digits: different counts, different pixels; white text pixels match the font', () => {
    const images = [1, 2, 7, 10, 42, 99].map((n) => renderTrayIcon(n).toString('base64'))
    expect(new Set(images).size).toBe(images.length)
    // "1" has 8 lit font pixels, "8" has 13: at scale 2, each is 4 device pixels.
    const whiteIn = (n: number) => {
      const canvas = drawTrayIcon(n)
      let white = 0
      // Count white pixels fully inside the red area (the text), i.e. with red on both sides horizontally.
      for (let y = 0; y < canvas.height; y++)
        for (let x = 1; x < canvas.width - 1; x++) {
          const here = canvas.get(x, y).join()
          if (here !== COLORS.white.join()) continue
          const row = [...Array(canvas.width).keys()].map((i) => canvas.get(i, y).join())
          if (row.slice(0, x).includes(COLORS.badge.join()) && row.slice(x + 1).includes(COLORS.badge.join())) white++
        }
      return white
    }
    expect(whiteIn(8) - whiteIn(1)).toBe((13 - 8) * 4)
  })

  it('caps at 99+: every count above 99 looks the same, and differs from 99', () => {
    expect(renderTrayIcon(100)).toEqual(renderTrayIcon(5000))
    expect(renderTrayIcon(100)).not.toEqual(renderTrayIcon(99))
    // "99+" fits inside the icon with its rim.
    expect(textWidth('99+', 2) + 4 + 4).toBeLessThanOrEqual(TRAY_ICON_SIZE)
  })

  it('is deterministic', () => {
    expect(renderTrayIcon(13)).toEqual(renderTrayIcon(13))
  })
})

describe('renderOverlayIcon', () => {
  it('is nothing at zero and a 16×16 PNG badge otherwise', () => {
    expect(renderOverlayIcon(0)).toBeNull()
    const decoded = decodePng(renderOverlayIcon(120)!)
    expect([decoded.width, decoded.height]).toEqual([16, 16])
    expect(count(decoded.pixels, COLORS.badge)).toBeGreaterThan(50)
    expect(count(decoded.pixels, COLORS.white)).toBeGreaterThan(10)
  })
})

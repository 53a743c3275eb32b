// Writes the icon container files the installers need, from PNGs and raw pixels, with no image
// toolchain: Windows' .ico and macOS' .icns. Used by scripts/render-icons.mjs; checked by
// tests/unit/packaging/electron-builder.test.ts (it reads the files back).

/**
 * A Windows .ico. Sizes below 256 are stored as 32-bit BMP (with an empty AND mask: the alpha channel
 * carries transparency), 256 as PNG: what Windows Explorer, the taskbar and NSIS/WiX all read (some
 * tools refuse PNG-compressed small sizes).
 * @param {{ size: number, png: Buffer, rgba: Uint8Array }[]} images  rgba: size*size*4 bytes, top row first
 */
export function writeIco(images) {
  const sorted = [...images].sort((a, b) => a.size - b.size)
  const payloads = sorted.map(({ size, png, rgba }) => (size >= 256 ? png : bmpIconImage(size, rgba)))
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(sorted.length, 4)
  const entries = Buffer.alloc(16 * sorted.length)
  let offset = header.length + entries.length
  sorted.forEach(({ size }, index) => {
    const entry = 16 * index
    entries.writeUInt8(size >= 256 ? 0 : size, entry) // 0 means 256
    entries.writeUInt8(size >= 256 ? 0 : size, entry + 1)
    entries.writeUInt8(0, entry + 2) // no palette
    entries.writeUInt8(0, entry + 3)
    entries.writeUInt16LE(1, entry + 4) // planes
    entries.writeUInt16LE(32, entry + 6) // bits per pixel
    entries.writeUInt32LE(payloads[index].length, entry + 8)
    entries.writeUInt32LE(offset, entry + 12)
    offset += payloads[index].length
  })
  return Buffer.concat([header, entries, ...payloads])
}

function bmpIconImage(size, rgba) {
  if (rgba.length !== size * size * 4) throw new Error(`${size}px icon: expected ${size * size * 4} bytes of RGBA`)
  const maskRowBytes = Math.ceil(size / 32) * 4
  const info = Buffer.alloc(40)
  info.writeUInt32LE(40, 0) // BITMAPINFOHEADER
  info.writeInt32LE(size, 4)
  info.writeInt32LE(size * 2, 8) // an icon's height counts the XOR image and the AND mask
  info.writeUInt16LE(1, 12)
  info.writeUInt16LE(32, 14)
  info.writeUInt32LE(0, 16) // BI_RGB
  info.writeUInt32LE(size * size * 4 + maskRowBytes * size, 20)
  const pixels = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y += 1) {
    const from = (size - 1 - y) * size * 4 // bottom-up
    for (let x = 0; x < size; x += 1) {
      const source = from + x * 4
      const target = (y * size + x) * 4
      pixels[target] = rgba[source + 2] // B
      pixels[target + 1] = rgba[source + 1] // G
      pixels[target + 2] = rgba[source] // R
      pixels[target + 3] = rgba[source + 3] // A
    }
  }
  return Buffer.concat([info, pixels, Buffer.alloc(maskRowBytes * size)])
}

/** The OSType of each PNG size in an .icns (Apple's Icon Services names; @2x types reuse the pixels). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic13', 256], // 128@2x
  ['ic14', 512], // 256@2x
]

/**
 * A macOS .icns of PNG entries (macOS 10.7+ reads PNG in every slot).
 * @param {Map<number, Buffer>} pngBySize
 */
export function writeIcns(pngBySize) {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size)
    if (!png) throw new Error(`.icns needs a ${size}px PNG for ${type}`)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes) {
  const signature = '89504e470d0a1a0a'
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

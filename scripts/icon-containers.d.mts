// Types for icon-containers.mjs (imported by tests/unit/packaging).
export interface IcoImage {
  size: number
  png: Buffer
  rgba: Uint8Array
}
export function writeIco(images: IcoImage[]): Buffer
export const ICNS_TYPES: [type: string, size: number][]
export function writeIcns(pngBySize: Map<number, Buffer>): Buffer
export function pngSize(bytes: Buffer): { width: number; height: number } | null

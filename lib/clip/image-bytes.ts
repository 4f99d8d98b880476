/**
 * An image's bytes → a `data:` URI Anytype imports. The type comes from the bytes themselves, not
 * from what the server says, so only the raster formats Desktop imports get through: SVG (which can
 * carry script), HTML error pages and anything unrecognised stay links.
 */

type Signature = { mime: string; test(bytes: Uint8Array): boolean };

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && Array.from(text).every((char, i) => bytes[at + i] === char.charCodeAt(0));

const SIGNATURES: Signature[] = [
  { mime: 'image/png', test: (b) => ascii(b, 0, '\x89PNG\r\n\x1a\n') },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', test: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a') },
  { mime: 'image/webp', test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  { mime: 'image/avif', test: (b) => ascii(b, 4, 'ftyp') && (ascii(b, 8, 'avif') || ascii(b, 8, 'avis')) },
  { mime: 'image/bmp', test: (b) => ascii(b, 0, 'BM') && b.length > 26 },
];

/** The MIME type of a raster image Anytype imports, or undefined for anything else. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((signature) => signature.test(bytes))?.mime;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // fromCharCode takes its arguments on the stack: feed it slices small enough for any engine.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** `data:image/…;base64,…` for the bytes, or undefined when they are not an importable image. */
export function imageDataUri(bytes: Uint8Array): string | undefined {
  const mime = sniffImageType(bytes);
  return mime ? `data:${mime};base64,${toBase64(bytes)}` : undefined;
}

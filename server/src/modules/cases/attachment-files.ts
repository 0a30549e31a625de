import type { attachmentTypes } from '@kooperacja/domain';

export type AttachmentType = (typeof attachmentTypes)[number];

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The type of a file by its content (magic bytes), never by its name or the type the browser claims:
 * a renamed program with a `.pdf` name is refused. Null when the content is none of the allowed types.
 */
export function sniffAttachmentType(buf: Buffer): AttachmentType | null {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG)) return 'image/png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (
    buf.length >= 12 &&
    buf.subarray(0, 4).toString('latin1') === 'RIFF' &&
    buf.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

const extensions: Record<AttachmentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
};

export const FILENAME_MAX = 200;

/**
 * A safe stored name: the last path segment only, no control or reserved characters, at most 200
 * characters, and an extension that matches the detected type (`skan.exe` holding a PDF becomes
 * `skan.exe.pdf`, so the saved file opens as what it is).
 */
export function sanitizeFilename(raw: string, type: AttachmentType): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  const ext = extensions[type];
  const dot = name.lastIndexOf('.');
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const suffix = ext.includes(current) ? '' : `.${ext[0]}`;
  if (!name) name = 'zalacznik';
  const room = FILENAME_MAX - suffix.length;
  if (name.length > room) {
    // Keep the extension when cutting a long name.
    const keep = suffix ? '' : name.slice(dot);
    // Cut in UTF-16 units without leaving half of a surrogate pair behind.
    name =
      name
        .slice(0, room - keep.length)
        .replace(/[\ud800-\udbff]$/, '')
        .trimEnd() + keep;
  }
  return name + suffix;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 /
 * RFC 5987 `filename*`), so "Oświadczenie Łukasza.pdf" keeps its Polish letters.
 */
export function contentDisposition(filename: string): string {
  const fallback =
    filename
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%]/g, '_') || 'zalacznik';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

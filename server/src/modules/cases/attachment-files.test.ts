import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  FILENAME_MAX,
  sanitizeFilename,
  sniffAttachmentType,
} from './attachment-files.js';

describe('sniffAttachmentType', () => {
  it('recognises PDF, PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffAttachmentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffAttachmentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffAttachmentType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
  });

  it('refuses anything else, whatever its name', () => {
    expect(sniffAttachmentType(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(sniffAttachmentType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffAttachmentType(Buffer.from('<html>%PDF-'))).toBeNull();
    expect(sniffAttachmentType(Buffer.alloc(0))).toBeNull();
  });
});

describe('sanitizeFilename', () => {
  it('keeps only the last path segment and drops reserved and control characters', () => {
    expect(sanitizeFilename('C:\\Users\\ala\\skan "1".pdf', 'application/pdf')).toBe('skan 1.pdf');
    expect(sanitizeFilename('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitizeFilename('a\u0000b\nc.png', 'image/png')).toBe('abc.png');
    expect(sanitizeFilename('...', 'image/png')).toBe('zalacznik.png');
  });

  it('gives the file the extension of its real type', () => {
    expect(sanitizeFilename('zdjęcie.JPG', 'image/jpeg')).toBe('zdjęcie.JPG');
    expect(sanitizeFilename('skan.exe', 'application/pdf')).toBe('skan.exe.pdf');
  });

  it('cuts long names to 200 characters keeping the extension', () => {
    const long = sanitizeFilename(`${'ż'.repeat(300)}.pdf`, 'application/pdf');
    expect(long.length).toBe(FILENAME_MAX);
    expect(long.endsWith('.pdf')).toBe(true);
    const noExt = sanitizeFilename('x'.repeat(300), 'application/pdf');
    expect(noExt).toBe(`${'x'.repeat(196)}.pdf`);
  });
});

describe('contentDisposition', () => {
  it('has an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Oświadczenie Łukasza (1).pdf')).toBe(
      `attachment; filename="Oswiadczenie Lukasza (1).pdf"; filename*=UTF-8''O%C5%9Bwiadczenie%20%C5%81ukasza%20%281%29.pdf`,
    );
  });
});

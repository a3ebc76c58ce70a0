import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { BillingDocumentPdf } from '../pdf/billing-document-pdf.types';

/** Helpers of the billing PDF tests (documents and receipts). */

/**
 * unpdf is ESM-only and loads pdf.js with a dynamic import, which Jest's CommonJS sandbox cannot
 * run; a plain Node child process can. One child extracts every PDF of a test: page texts.
 */
export function extractPages(pdfs: Buffer[]): string[][] {
  const script = `
    import { extractText } from 'unpdf';
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const out = [];
    for (const base64 of JSON.parse(input)) {
      const { text } = await extractText(new Uint8Array(Buffer.from(base64, 'base64')), { mergePages: false });
      out.push(text);
    }
    process.stdout.write(JSON.stringify(out));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(__dirname, '..', '..'), // libs/billing, where unpdf resolves
    input: JSON.stringify(pdfs.map((pdf) => pdf.toString('base64'))),
    maxBuffer: 64 * 1024 * 1024,
  });
  // Extracted text keeps no-break spaces; tests compare with ordinary ones.
  return (JSON.parse(output.toString()) as string[][]).map((pages) =>
    pages.map((page) => page.replace(/[\u00a0\u202f]/g, ' ')),
  );
}

/**
 * Pictures in the file (pdfkit writes dictionaries uncompressed): image XObjects, less the soft
 * masks that carry a PNG's transparency as images of their own.
 */
export function imageCount(pdf: Buffer): number {
  const raw = pdf.toString('latin1');
  return raw.split('/Subtype /Image').length - raw.split('/SMask ').length;
}

/** Set PDF_REVIEW_DIR to keep every rendered PDF for a look (pdftoppm -png). */
export function keep(name: string, pdf: Buffer): void {
  const dir = process.env.PDF_REVIEW_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.pdf`), pdf);
}

/** A small PNG logo, built here so the test needs no binary fixture: a teal mark with two bars. */
function logoPng(width = 96, height = 96): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 4); // filter byte 0, then RGBA
    for (let x = 0; x < width; x += 1) {
      const dx = x - width / 2 + 0.5;
      const dy = y - height / 2 + 0.5;
      const inside = dx * dx + dy * dy <= (width / 2 - 1) ** 2;
      const bar =
        Math.abs(dx) < width * 0.3 &&
        (Math.abs(dy + height * 0.12) < height * 0.06 || Math.abs(dy - height * 0.12) < height * 0.06);
      const rgba = !inside ? [0, 0, 0, 0] : bar ? [255, 255, 255, 255] : [15, 61, 87, 255];
      row.set(rgba, 1 + x * 4);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An organisation with every detail a PDF can print, and a logo. */
export const seller: BillingDocumentPdf['seller'] = {
  name: 'Tessera Cooperative ASBL',
  address: { line1: 'Rue de la Loi 16', line2: 'Boîte 3', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
  companyNumber: '0123.456.749',
  vatNumber: 'BE0123456749',
  email: 'billing@tessera.example',
  phone: '+32 2 123 45 67',
  website: 'tessera.example',
  iban: 'BE68539007547034',
  bic: 'GKCCBEBB',
  logo: { data: logoPng(), type: 'png' },
  footer:
    'Tessera Cooperative ASBL · Rue de la Loi 16, 1000 Bruxelles · RPM Bruxelles 0123.456.749 · BE68 5390 0754 7034',
};

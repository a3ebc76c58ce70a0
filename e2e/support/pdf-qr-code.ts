import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The text of the QR codes pictured on a PDF's first page, as a phone's camera would read them:
 * each image pdf.js finds (unpdf) is drawn on white, as on the page, and handed to a QR reader
 * (jsQR); pictures that are no QR code are left out. Run in a plain Node child process for the
 * reason given in pdf-text.ts.
 */
export function pdfQrCodes(pdf: Buffer): Promise<string[]> {
  const script = `
    // pdf.js decodes images with ArrayBuffer#transferToFixedLength (Node 21+): a copy does the same on Node 20.
    ArrayBuffer.prototype.transferToFixedLength ??= function (length = this.byteLength) {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    };
    const { extractImages } = await import('unpdf');
    const { default: jsQR } = await import('jsqr');
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const found = [];
    for (const image of await extractImages(new Uint8Array(Buffer.concat(chunks)), 1)) {
      const border = 24;
      const width = image.width + 2 * border;
      const height = image.height + 2 * border;
      const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
      for (let y = 0; y < image.height; y += 1)
        for (let x = 0; x < image.width; x += 1)
          for (let channel = 0; channel < 3; channel += 1)
            rgba[((y + border) * width + x + border) * 4 + channel] =
              image.data[(y * image.width + x) * image.channels + Math.min(channel, image.channels - 1)];
      const code = jsQR(rgba, width, height);
      if (code) found.push(code.data);
    }
    process.stdout.write(JSON.stringify(found));`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: join(__dirname, '..'), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as string[])),
    );
    child.stdin!.end(pdf);
  });
}

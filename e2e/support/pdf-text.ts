import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The text of a PDF, page after page, as a reader's copy-paste would give it (unpdf, i.e.
 * pdf.js). unpdf is ESM-only and loads pdf.js with a dynamic import, which Jest's CommonJS
 * sandbox cannot run; a plain Node child process (in e2e/, where unpdf resolves) can.
 * No-break spaces come back as ordinary ones, so amounts compare with plain strings.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    import { extractText } from 'unpdf';
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const { text } = await extractText(new Uint8Array(Buffer.concat(chunks)), { mergePages: true });
    process.stdout.write(text);`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: join(__dirname, '..'), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout.replace(/[\u00a0\u202f]/g, ' '))),
    );
    child.stdin!.end(pdf);
  });
}

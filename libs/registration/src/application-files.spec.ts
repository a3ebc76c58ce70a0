import { ProblemException, type UploadedFile } from '@tessera/core';
import { acceptFiles, fileCountErrors } from './application-files';
import { jpegHeader, MiB, pdfHeader, pngHeader } from './test/files';

const pdf = (padTo = 0) => pdfHeader(padTo);

const file = (
  field: string,
  filename: string,
  bytes: Buffer,
  declaredType = 'application/octet-stream',
): UploadedFile => ({
  field,
  filename,
  declaredType,
  bytes,
});

function problemOf(work: () => unknown): ProblemException['problem'] {
  try {
    work();
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('fileCountErrors', () => {
  it('accepts up to 10 documents, one photo and one signature', () => {
    const files = [
      ...Array.from({ length: 10 }, (_, i) => file('documents', `d${i}.pdf`, pdf())),
      file('photo', 'me.jpg', jpegHeader(400, 400)),
      file('signature', 'sig.png', pngHeader(300, 100)),
    ];
    expect(fileCountErrors(files)).toEqual([]);
  });

  it('refuses an eleventh document, a second photo or signature, and unknown file fields', () => {
    const files = [
      ...Array.from({ length: 11 }, (_, i) => file('documents', `d${i}.pdf`, pdf())),
      file('photo', 'a.jpg', jpegHeader(400, 400)),
      file('photo', 'b.jpg', jpegHeader(400, 400)),
      file('signature', 'a.png', pngHeader(300, 100)),
      file('signature', 'b.png', pngHeader(300, 100)),
      file('avatar', 'x.png', pngHeader(300, 100)),
    ];
    expect(fileCountErrors(files)).toEqual([
      { field: 'documents', message: 'accepts at most 10 files, got 11' },
      { field: 'photo', message: 'accepts one file, got 2' },
      { field: 'signature', message: 'accepts one file, got 2' },
      { field: 'avatar', message: 'is not a file this form accepts (documents, photo, signature)' },
    ]);
  });
});

describe('acceptFiles', () => {
  it('decides each type from the bytes, and names the file after it', () => {
    const accepted = acceptFiles([
      file('documents', 'contract.pdf', pdf(), 'application/pdf'),
      file('documents', 'scan.pdf', pngHeader(800, 600), 'application/pdf'),
      file('documents', 'photo.png', jpegHeader(640, 480), 'image/png'),
      file('photo', 'me.jpeg', jpegHeader(400, 500), 'image/jpeg'),
      file('signature', '../../signature.png', pngHeader(300, 100), 'image/png'),
    ]);
    expect(accepted.map(({ bytes: _bytes, ...rest }) => rest)).toEqual([
      {
        role: 'document',
        position: 0,
        filename: 'contract.pdf',
        contentType: 'application/pdf',
        extension: 'pdf',
        width: null,
        height: null,
      },
      {
        role: 'document',
        position: 1,
        filename: 'scan.png',
        contentType: 'image/png',
        extension: 'png',
        width: 800,
        height: 600,
      },
      {
        role: 'document',
        position: 2,
        filename: 'photo.jpg',
        contentType: 'image/jpeg',
        extension: 'jpg',
        width: 640,
        height: 480,
      },
      {
        role: 'photo',
        position: 0,
        filename: 'me.jpg',
        contentType: 'image/jpeg',
        extension: 'jpg',
        width: 400,
        height: 500,
      },
      {
        role: 'signature',
        position: 0,
        filename: 'signature.png',
        contentType: 'image/png',
        extension: 'png',
        width: 300,
        height: 100,
      },
    ]);
  });

  it.each([
    [
      'an SVG document',
      file('documents', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'),
      'documents[0]',
    ],
    [
      'HTML declared as PDF',
      file('documents', 'cv.pdf', Buffer.from('<html>%PDF-1.4</html>'), 'application/pdf'),
      'documents[0]',
    ],
    ['a PDF as photo', file('photo', 'me.jpg', pdf(), 'image/jpeg'), 'photo'],
    ['a JPEG as signature', file('signature', 'sig.png', jpegHeader(300, 100), 'image/png'), 'signature'],
    ['a PNG with no readable header', file('photo', 'me.png', pngHeader(0, 0)), 'photo'],
  ])('refuses %s with 415 naming the file', (_, upload, field) => {
    const problem = problemOf(() => acceptFiles([upload]));
    expect(problem).toMatchObject({
      status: 415,
      type: 'urn:tessera:problem:unsupported-file-type',
      errors: [{ field, message: expect.stringContaining(`"${upload.filename}"`) }],
    });
  });

  it('says what a wrong file turned out to be', () => {
    expect(problemOf(() => acceptFiles([file('photo', 'me.jpg', pdf())])).detail).toBe(
      'photo "me.jpg" must be a JPEG or PNG file; it is a PDF (decided from its content).',
    );
  });

  it.each([
    ['document', file('documents', 'big.pdf', pdf(10 * MiB + 1)), 'documents[0]', 'at most 10 MB'],
    ['photo', file('photo', 'big.jpg', jpegHeader(400, 400, 5 * MiB + 1)), 'photo', 'at most 5 MB'],
    ['signature', file('signature', 'big.png', pngHeader(300, 100, MiB + 1)), 'signature', 'at most 1 MB'],
  ])('refuses a %s over its limit with 413', (_, upload, field, limit) => {
    expect(problemOf(() => acceptFiles([upload]))).toMatchObject({
      status: 413,
      type: 'urn:tessera:problem:file-too-large',
      errors: [{ field, message: expect.stringContaining(limit) }],
    });
  });

  it('takes files exactly at their limit', () => {
    expect(() =>
      acceptFiles([
        file('documents', 'a.pdf', pdf(10 * MiB)),
        file('photo', 'b.jpg', jpegHeader(100, 8000, 5 * MiB)),
        file('signature', 'c.png', pngHeader(300, 100, MiB)),
      ]),
    ).not.toThrow();
  });

  it.each([
    [99, 400],
    [400, 99],
    [8001, 400],
  ])('refuses a %i×%i photo with 400', (width, height) => {
    expect(problemOf(() => acceptFiles([file('photo', 'me.png', pngHeader(width, height))]))).toMatchObject({
      status: 400,
      errors: [{ field: 'photo', message: expect.stringContaining(`${width}×${height}`) }],
    });
  });
});

import { contentDisposition, sanitiseFilename } from './file-names';

describe('sanitiseFilename', () => {
  it('keeps an ordinary name and gives it the detected extension', () => {
    expect(sanitiseFilename('Diploma 2019.pdf', 'pdf')).toBe('Diploma 2019.pdf');
    expect(sanitiseFilename('scan.pdf', 'png')).toBe('scan.png');
    expect(sanitiseFilename('photo.JPEG', 'jpg')).toBe('photo.jpg');
    expect(sanitiseFilename('no-extension', 'pdf')).toBe('no-extension.pdf');
    expect(sanitiseFilename('report.final.v2.pdf', 'pdf')).toBe('report.final.v2.pdf');
  });

  it('drops any path, Windows or Unix', () => {
    expect(sanitiseFilename('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitiseFilename('C:\\Users\\ann\\cv.pdf', 'pdf')).toBe('cv.pdf');
    expect(sanitiseFilename('/tmp/', 'png')).toBe('file.png');
  });

  it('removes control, bidi and header-breaking characters', () => {
    expect(sanitiseFilename('a\r\nContent-Type: text.pdf', 'pdf')).toBe('a__Content-Type_ text.pdf');
    expect(sanitiseFilename('invoice\u202Egpj.exe', 'pdf')).toBe('invoice_gpj.pdf');
    expect(sanitiseFilename('say "hi"; x=1.png', 'png')).toBe('say _hi__ x=1.png');
    expect(sanitiseFilename('a\u0000b.pdf', 'pdf')).toBe('a_b.pdf');
  });

  it('never returns a hidden or empty name', () => {
    expect(sanitiseFilename('.htaccess', 'pdf')).toBe('htaccess.pdf');
    expect(sanitiseFilename('', 'png', 'signature')).toBe('signature.png');
    expect(sanitiseFilename('   .pdf', 'pdf')).toBe('file.pdf');
  });

  it('keeps accents and other scripts, normalised, and shortens long names by characters', () => {
    expect(sanitiseFilename('Cafe\u0301 résumé.pdf', 'pdf')).toBe('Café résumé.pdf');
    expect(sanitiseFilename('履歴書.pdf', 'pdf')).toBe('履歴書.pdf');
    const long = sanitiseFilename(`${'é'.repeat(300)}.pdf`, 'pdf');
    expect(Array.from(long)).toHaveLength(104);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Café résumé.pdf')).toBe(
      `attachment; filename="Caf_ r_sum_.pdf"; filename*=UTF-8''Caf%C3%A9%20r%C3%A9sum%C3%A9.pdf`,
    );
    expect(contentDisposition('inline', 'photo.png')).toBe(`inline; filename="photo.png"; filename*=UTF-8''photo.png`);
  });

  it("encodes characters outside RFC 5987's attr-char", () => {
    expect(contentDisposition('attachment', "it's (1) 100%*.pdf")).toBe(
      `attachment; filename="it's (1) 100_*.pdf"; filename*=UTF-8''it%27s%20%281%29%20100%25%2A.pdf`,
    );
  });
});

import { ProblemException } from '../errors/problem';
import { markMultipartBody } from '../uploads/multipart';
import { requestFingerprint } from './request-fingerprint';

const multipart = (fields: Record<string, string>, bytes: string[]) =>
  markMultipartBody({
    fields,
    files: bytes.map((content, index) => ({
      field: 'documents',
      filename: `f${index}.pdf`,
      declaredType: 'application/pdf',
      bytes: Buffer.from(content),
    })),
  });

describe('requestFingerprint', () => {
  it('is the same for the same JSON whatever the key order', () => {
    expect(requestFingerprint('POST', '/a', { b: [1, { d: 1, c: 2 }], a: 'x' })).toBe(
      requestFingerprint('POST', '/a', { a: 'x', b: [1, { c: 2, d: 1 }] }),
    );
  });

  it('differs with the method, the URL, a value or the order of an array', () => {
    const base = requestFingerprint('POST', '/a', { a: [1, 2] });
    expect(requestFingerprint('PUT', '/a', { a: [1, 2] })).not.toBe(base);
    expect(requestFingerprint('POST', '/b', { a: [1, 2] })).not.toBe(base);
    expect(requestFingerprint('POST', '/a?x=1', { a: [1, 2] })).not.toBe(base);
    expect(requestFingerprint('POST', '/a', { a: [2, 1] })).not.toBe(base);
    expect(requestFingerprint('POST', '/a', { a: [1, '2'] })).not.toBe(base);
    expect(requestFingerprint('POST', '/a', undefined)).toBe(requestFingerprint('POST', '/a', null));
  });

  it('covers multipart fields and the bytes of every file', () => {
    const base = requestFingerprint('POST', '/a', multipart({ x: '1', y: '2' }, ['one', 'two']));
    expect(requestFingerprint('POST', '/a', multipart({ y: '2', x: '1' }, ['one', 'two']))).toBe(base);
    expect(requestFingerprint('POST', '/a', multipart({ x: '1', y: '2' }, ['one', 'tw0']))).not.toBe(base);
    expect(requestFingerprint('POST', '/a', multipart({ x: '1', y: '2' }, ['two', 'one']))).not.toBe(base);
    expect(requestFingerprint('POST', '/a', multipart({ x: '1', y: '3' }, ['one', 'two']))).not.toBe(base);
    // a JSON body shaped like a multipart one is not taken for one
    expect(requestFingerprint('POST', '/a', { fields: { x: '1', y: '2' }, files: [] })).not.toBe(
      requestFingerprint('POST', '/a', multipart({ x: '1', y: '2' }, [])),
    );
  });

  it('refuses a body nested too deeply to walk with a 400 problem, not a stack overflow', () => {
    const depth = 200_000;
    const body = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(() => requestFingerprint('POST', '/a', body)).toThrow(ProblemException);
  });
});

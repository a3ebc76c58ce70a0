import { mkdtempSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Test, type TestingModule } from '@nestjs/testing';
import { createHash } from 'node:crypto';
import { AppConfig, loadConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { FileStorage } from './file-storage';
import { StorageModule } from './storage.module';

const KEY = /^([0-9a-f]{2})\/([0-9a-f]{2})\/(\1\2[0-9a-f]{4}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12})\.pdf$/;

async function contentOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under a directory, relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
}

describe('FileStorage on the real file system', () => {
  const root = mkdtempSync(join(tmpdir(), 'tessera-storage-'));
  let moduleRef: TestingModule;
  let storage: FileStorage;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule, StorageModule] })
      .overrideProvider(AppConfig)
      .useValue(loadConfig({ ...process.env, STORAGE_DIR: root }))
      .compile();
    storage = moduleRef.get(FileStorage);
  });
  afterAll(() => moduleRef.close());

  it('saves under a generated, sharded name, readable by owner and group only', async () => {
    const bytes = Buffer.from('%PDF-1.4 a small document');
    const stored = await storage.save(bytes, 'pdf');
    expect(stored).toEqual({
      key: expect.stringMatching(KEY),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(await readFile(join(root, stored.key))).toEqual(bytes);
    expect((await stat(join(root, stored.key))).mode & 0o777).toBe(0o640);
  });

  it('reads a file back as a stream', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { key } = await storage.save(bytes, 'png');
    expect(await contentOf(storage.read(key))).toEqual(bytes);
  });

  it('reads a whole file back as bytes, and reports a missing one as ENOENT', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);
    const { key } = await storage.save(bytes, 'jpg');
    expect(await storage.readBytes(key)).toEqual(bytes);
    await storage.remove([key]);
    await expect(storage.readBytes(key)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => storage.readBytes('../../etc/passwd')).toThrow('Invalid storage key');
  });

  it('gives every save its own file, even of the same bytes at the same time, leaving no temporary file', async () => {
    const bytes = Buffer.alloc(64 * 1024, 7);
    const stored = await Promise.all(Array.from({ length: 20 }, () => storage.save(bytes, 'pdf')));
    expect(new Set(stored.map((file) => file.key)).size).toBe(20);
    const files = await filesUnder(root);
    expect(files).toEqual(expect.arrayContaining(stored.map((file) => file.key)));
    expect(files.filter((file) => !KEY.test(file) && !file.endsWith('.png'))).toEqual([]);
  });

  it('removes files, ignoring those already gone', async () => {
    const { key } = await storage.save(Buffer.from('%PDF-'), 'pdf');
    const never = 'ab/cd/abcd0000-0000-4000-8000-000000000000.pdf';
    await storage.remove([key, never]);
    await storage.remove([key]);
    await expect(stat(join(root, key))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a missing file as an error of the stream', async () => {
    await expect(contentOf(storage.read('ab/cd/abcd0000-0000-4000-8000-000000000000.pdf'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it.each([
    '../../etc/passwd',
    '/etc/passwd',
    'ab/cd/../../../../etc/passwd',
    'ab/cd/abcd0000-0000-4000-8000-000000000000.pdf/../../../x.pdf',
    'ab/cd/not-a-generated-name.pdf',
    '',
  ])('refuses the key %j, which is not one it generated', async (key) => {
    expect(() => storage.read(key)).toThrow('Invalid storage key');
    await expect(storage.remove([key])).rejects.toThrow('Invalid storage key');
  });

  it('refuses extensions that are not plain lower-case words', async () => {
    for (const extension of ['', '../pdf', 'PDF', 'p df', 'a'.repeat(11)]) {
      await expect(storage.save(Buffer.from('x'), extension)).rejects.toThrow('Invalid file extension');
    }
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

export interface StoredFile {
  /** Where the file is, relative to STORAGE_DIR: `ab/cd/<uuid>.<extension>`. */
  key: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,10}$/;
const EXTENSION = /^[a-z0-9]{1,10}$/;
const FILE_MODE = 0o640;
const DIRECTORY_MODE = 0o750;

/**
 * Uploaded files on local disk under STORAGE_DIR. Names are generated here (a random UUID, never
 * the client's file name) and sharded in two directory levels so no directory grows huge.
 */
@Injectable()
export class FileStorage {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.STORAGE_DIR);
  }

  /**
   * Writes a new file atomically: to a temporary name in the target directory, flushed, then
   * renamed, so a reader never sees half a file and a crash leaves no file under a real key.
   */
  async save(bytes: Buffer, extension: string): Promise<StoredFile> {
    if (!EXTENSION.test(extension)) throw new Error(`Invalid file extension "${extension}"`);
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}.${extension}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: DIRECTORY_MODE });
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      const file = await open(temporary, 'wx', FILE_MODE);
      try {
        await file.chmod(FILE_MODE); // whatever the umask: owner read/write, group read, others nothing
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { key, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** The content of a stored file; a missing file surfaces as an ENOENT error on the stream. */
  read(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  /** The whole content of a stored file, for small files (a logo, an e-mail attachment); rejects with ENOENT when it is gone. */
  readBytes(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  /** Deletes files, ignoring those already gone (so a retried clean-up succeeds). */
  async remove(keys: string[]): Promise<void> {
    const paths = keys.map((key) => this.pathOf(key));
    await Promise.all(
      paths.map((path) =>
        unlink(path).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        }),
      ),
    );
  }

  /** Only keys this class generates are accepted, so none can point outside STORAGE_DIR. */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!KEY.test(key) || !path.startsWith(this.root + sep)) throw new Error(`Invalid storage key "${key}"`);
    return path;
  }
}

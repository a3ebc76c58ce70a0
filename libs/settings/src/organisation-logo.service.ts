import { Injectable, Logger } from '@nestjs/common';
import {
  checkUpload,
  Clock,
  FileStorage,
  ProblemException,
  singleFile,
  TransactionalFileStorage,
  Transactions,
  type MultipartBody,
  type UploadRule,
} from '@tessera/core';
import type { LogoType } from './billing-profile';
import { OrganisationSettingsDto } from './dto/organisation-settings.dto';
import { OrganisationSettingsRepository } from './organisation-settings.repository';

const KiB = 1024;
/** Small enough to embed in every invoice PDF and to serve on every page without thought. */
export const LOGO_RULE: UploadRule = { types: ['image/png', 'image/jpeg'], maxBytes: 512 * KiB };

export interface LogoFile {
  key: string;
  contentType: 'image/png' | 'image/jpeg';
  /** Hex SHA-256 of the bytes: the ETag. */
  sha256: string;
}

const CONTENT_TYPES: Record<LogoType, LogoFile['contentType']> = { png: 'image/png', jpeg: 'image/jpeg' };

/**
 * The organisation's logo: one file in FileStorage, named on the settings row. A replaced or
 * removed file is deleted once the change has committed (a failed change keeps the old one).
 */
@Injectable()
export class OrganisationLogoService {
  private readonly logger = new Logger(OrganisationLogoService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly settings: OrganisationSettingsRepository,
    private readonly files: TransactionalFileStorage,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  /** Multipart: one `file`, PNG or JPEG by its bytes, up to 512 KiB. */
  async replace(body: MultipartBody, updatedBy: string): Promise<OrganisationSettingsDto> {
    const file = singleFile(body, 'file');
    const checked = checkUpload(file, LOGO_RULE, { field: 'file', noun: 'logo' });
    const type: LogoType = checked.contentType === 'image/png' ? 'png' : 'jpeg';
    const { previous, saved } = await this.transactions.run(async () => {
      const current = await this.settings.readForUpdate();
      const stored = await this.files.save(file.bytes, checked.extension);
      const row = await this.settings.writeLogo(
        { logoKey: stored.key, logoType: type, logoSha256: stored.sha256 },
        { updatedAt: this.clock.now(), updatedBy },
      );
      return { previous: current.logoKey, saved: row };
    });
    await this.discard(previous);
    return OrganisationSettingsDto.from(saved);
  }

  /** No logo afterwards, whether there was one or not. */
  async remove(updatedBy: string): Promise<void> {
    const previous = await this.transactions.run(async () => {
      const current = await this.settings.readForUpdate();
      if (!current.logoKey) return null;
      await this.settings.writeLogo(
        { logoKey: null, logoType: null, logoSha256: null },
        { updatedAt: this.clock.now(), updatedBy },
      );
      return current.logoKey;
    });
    await this.discard(previous);
  }

  /** The current logo's facts (not its bytes, which a revalidating browser does not need); 404 when none. */
  async current(): Promise<LogoFile> {
    const settings = await this.settings.read();
    if (!settings.logoKey || !settings.logoType || !settings.logoSha256) throw noLogo();
    return { key: settings.logoKey, contentType: CONTENT_TYPES[settings.logoType], sha256: settings.logoSha256 };
  }

  bytesOf(logo: LogoFile): Promise<Buffer> {
    return this.storage.readBytes(logo.key);
  }

  /** An orphan file wastes a little disk and nothing else: a failure here does not fail the change. */
  private async discard(key: string | null): Promise<void> {
    if (!key) return;
    await this.storage.remove([key]).catch((error: unknown) => {
      this.logger.warn({ err: error, key }, 'Could not delete the replaced organisation logo');
    });
  }
}

function noLogo(): ProblemException {
  return ProblemException.notFound('The organisation has no logo.', 'no-logo');
}

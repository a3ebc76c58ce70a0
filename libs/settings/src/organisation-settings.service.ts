import { Injectable } from '@nestjs/common';
import { Clock, Transactions } from '@tessera/core';
import {
  OrganisationSettingsDto,
  PublicOrganisationDto,
  type UpdateOrganisationSettingsDto,
} from './dto/organisation-settings.dto';
import { OrganisationSettingsRepository } from './organisation-settings.repository';

/** The organisation's own details: edited by admins, shown on public pages and in every e-mail. */
@Injectable()
export class OrganisationSettingsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly settings: OrganisationSettingsRepository,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<OrganisationSettingsDto> {
    return OrganisationSettingsDto.from(await this.settings.read());
  }

  async getPublic(): Promise<PublicOrganisationDto> {
    return PublicOrganisationDto.from(await this.settings.read());
  }

  /** Demo values for `pnpm seed`, written only while no one has saved the settings yet. */
  async seed(dto: UpdateOrganisationSettingsDto): Promise<boolean> {
    return this.transactions.run(async () => {
      if ((await this.settings.read()).updatedBy !== null) return false;
      await this.write(dto, null);
      return true;
    });
  }

  async update(dto: UpdateOrganisationSettingsDto, updatedBy: string): Promise<OrganisationSettingsDto> {
    return this.transactions.run(async () => OrganisationSettingsDto.from(await this.write(dto, updatedBy)));
  }

  private write(dto: UpdateOrganisationSettingsDto, updatedBy: string | null) {
    return this.settings.write({
      name: dto.name,
      contactEmail: dto.contactEmail,
      phone: dto.phone,
      address: dto.address ? { ...dto.address } : null,
      websiteUrl: dto.websiteUrl,
      termsUrl: dto.termsUrl,
      privacyUrl: dto.privacyUrl,
      updatedAt: this.clock.now(),
      updatedBy,
    });
  }
}

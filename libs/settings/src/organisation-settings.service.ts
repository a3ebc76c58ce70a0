import { Injectable, Logger } from '@nestjs/common';
import { Clock, FileStorage, Transactions } from '@tessera/core';
import type { BillingProfile, BillingTerms } from './billing-profile';
import {
  OrganisationSettingsDto,
  PublicOrganisationDto,
  type UpdateOrganisationSettingsDto,
} from './dto/organisation-settings.dto';
import type { OrganisationSettings } from './entities/organisation-settings.entity';
import { OrganisationSettingsRepository } from './organisation-settings.repository';

/** The organisation's own details: edited by admins, shown on public pages, in every e-mail and on invoices. */
/** How long billing terms read from the database are used before reading them again. */
export const TERMS_TTL_MS = 2000;

@Injectable()
export class OrganisationSettingsService {
  private readonly logger = new Logger(OrganisationSettingsService.name);
  private terms?: { value: BillingTerms; until: number };

  constructor(
    private readonly transactions: Transactions,
    private readonly settings: OrganisationSettingsRepository,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<OrganisationSettingsDto> {
    return OrganisationSettingsDto.from(await this.settings.read());
  }

  async getPublic(): Promise<PublicOrganisationDto> {
    return PublicOrganisationDto.from(await this.settings.read());
  }

  /**
   * What issuing a document needs, without the logo: on the hot path of every invoice and of
   * "today" in every list, so kept for TERMS_TTL_MS (a change made by another process is seen
   * within that; one made here at once).
   */
  async billingTerms(): Promise<BillingTerms> {
    const now = Date.now();
    if (this.terms && this.terms.until > now) return this.terms.value;
    const value = await this.readTerms();
    this.terms = { value, until: now + TERMS_TTL_MS };
    return value;
  }

  private async readTerms(): Promise<BillingTerms> {
    const settings = await this.settings.read();
    return {
      paymentTermsDays: settings.paymentTermsDays,
      timeZone: settings.timeZone,
      referenceScheme: settings.referenceScheme,
      currency: settings.currency,
      renewalTime: settings.renewalTime,
      statusSweepTime: settings.statusSweepTime,
    };
  }

  /** What an invoice says about its issuer, with the logo's bytes. */
  async billingProfile(): Promise<BillingProfile> {
    const settings = await this.settings.read();
    return {
      legalName: settings.legalName ?? settings.name,
      address: settings.address,
      companyNumber: settings.companyNumber,
      vatNumber: settings.vatNumber,
      email: settings.contactEmail,
      phone: settings.phone,
      website: settings.websiteUrl,
      iban: settings.iban,
      bic: settings.bic,
      invoiceFooter: settings.invoiceFooter,
      paymentTermsDays: settings.paymentTermsDays,
      timeZone: settings.timeZone,
      referenceScheme: settings.referenceScheme,
      currency: settings.currency,
      logo: await this.logoOf(settings),
    };
  }

  /** Demo values for `pnpm seed`, written only while no one has saved the settings yet. */
  async seed(dto: UpdateOrganisationSettingsDto): Promise<boolean> {
    return this.transactions.run(async () => {
      if ((await this.settings.readForUpdate()).updatedBy !== null) return false;
      await this.write(dto, null);
      return true;
    });
  }

  /**
   * Demo value for `pnpm seed`: the statutes link the share subscription form needs, written only
   * while the settings name none (whatever else an admin saved stays).
   */
  async seedStatutesUrl(url: string): Promise<boolean> {
    return this.transactions.run(async () => {
      if ((await this.settings.readForUpdate()).statutesUrl) return false;
      await this.settings.write({ statutesUrl: url });
      return true;
    });
  }

  async update(dto: UpdateOrganisationSettingsDto, updatedBy: string): Promise<OrganisationSettingsDto> {
    return this.transactions.run(async () => OrganisationSettingsDto.from(await this.write(dto, updatedBy)));
  }

  private write(dto: UpdateOrganisationSettingsDto, updatedBy: string | null) {
    this.terms = undefined;
    return this.settings.write({
      name: dto.name,
      contactEmail: dto.contactEmail,
      phone: dto.phone,
      address: dto.address ? { ...dto.address } : null,
      websiteUrl: dto.websiteUrl,
      termsUrl: dto.termsUrl,
      privacyUrl: dto.privacyUrl,
      statutesUrl: dto.statutesUrl,
      legalName: dto.legalName,
      companyNumber: dto.companyNumber,
      vatNumber: dto.vatNumber,
      iban: dto.iban,
      bic: dto.bic,
      invoiceFooter: dto.invoiceFooter,
      paymentTermsDays: dto.paymentTermsDays,
      timeZone: dto.timeZone,
      referenceScheme: dto.referenceScheme,
      currency: dto.currency,
      renewalTime: dto.renewalTime,
      statusSweepTime: dto.statusSweepTime,
      updatedAt: this.clock.now(),
      updatedBy,
    });
  }

  /**
   * A logo whose file has gone from storage is left off (and logged) rather than failing the
   * caller: an invoice is valid without it, and issuing one must not hinge on a picture.
   */
  private async logoOf(settings: OrganisationSettings): Promise<BillingProfile['logo']> {
    if (!settings.logoKey || !settings.logoType) return null;
    try {
      return { data: await this.storage.readBytes(settings.logoKey), type: settings.logoType };
    } catch (error) {
      this.logger.error({ err: error, key: settings.logoKey }, 'The organisation logo cannot be read from storage');
      return null;
    }
  }
}

import { mkdtempSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { FileStorage, markMultipartBody } from '@tessera/core';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { UpdateOrganisationSettingsDto } from '../dto/update-organisation-settings.dto';
import { OrganisationLogoService } from '../organisation-logo.service';
import { OrganisationSettingsService } from '../organisation-settings.service';
import { SettingsModule } from '../settings.module';

const ADMIN_ID = '00000000-0000-4000-8000-00000000000a';

/** The first bytes a PNG decoder (and our upload check) reads: signature and IHDR, then filler. */
function pngOf(width: number, height: number, filler: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64, filler)]);
}

const upload = (bytes: Buffer) =>
  markMultipartBody({ fields: {}, files: [{ field: 'file', filename: 'logo.png', declaredType: 'image/png', bytes }] });

/** BillingProfile: what the billing domain reads of the settings, logo bytes included. */
describe('OrganisationSettingsService.billingProfile on the real database and disk', () => {
  let moduleRef: TestingModule;
  let settings: OrganisationSettingsService;
  let logo: OrganisationLogoService;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'tessera-settings-int-'));
    moduleRef = await createWorkerTestingModule({
      imports: [SettingsModule],
      queues: [],
      env: { STORAGE_DIR: storageDir },
    });
    settings = moduleRef.get(OrganisationSettingsService);
    logo = moduleRef.get(OrganisationLogoService);
  });
  afterAll(() => moduleRef?.close());

  const logoKey = async (): Promise<string | null> =>
    (await moduleRef.get(DataSource).query(`SELECT logo_key FROM organisation_settings`))[0].logo_key;

  it('falls back to the name and the defaults before anything is set', async () => {
    expect(await settings.billingProfile()).toEqual({
      legalName: 'Tessera',
      address: null,
      companyNumber: null,
      vatNumber: null,
      email: 'contact@example.org',
      phone: null,
      website: null,
      iban: null,
      bic: null,
      invoiceFooter: null,
      paymentTermsDays: 30,
      timeZone: 'Europe/Brussels',
      referenceScheme: 'rf',
      currency: 'EUR',
      logo: null,
    });
  });

  it('gives the saved details and the logo bytes', async () => {
    const dto = Object.assign(new UpdateOrganisationSettingsDto(), {
      name: 'Cercle Photo',
      contactEmail: 'membres@cercle.example',
      phone: '+32 470 12 34 56',
      address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
      websiteUrl: 'https://cercle.example',
      legalName: 'Cercle Photo ASBL',
      companyNumber: '0123.456.749',
      vatNumber: 'BE0123456749',
      iban: 'BE71096123456769',
      bic: 'GKCCBEBB',
      invoiceFooter: 'RPM Bruxelles\nMerci.',
      paymentTermsDays: 14,
      referenceScheme: 'ogm' as const,
    });
    await settings.update(dto, ADMIN_ID);
    const png = pngOf(40, 20, 1);
    const saved = await logo.replace(upload(png), ADMIN_ID);
    expect(saved.logo?.type).toBe('png');

    expect(await settings.billingProfile()).toEqual({
      legalName: 'Cercle Photo ASBL',
      address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
      companyNumber: '0123.456.749',
      vatNumber: 'BE0123456749',
      email: 'membres@cercle.example',
      phone: '+32 470 12 34 56',
      website: 'https://cercle.example',
      iban: 'BE71096123456769',
      bic: 'GKCCBEBB',
      invoiceFooter: 'RPM Bruxelles\nMerci.',
      paymentTermsDays: 14,
      timeZone: 'Europe/Brussels',
      referenceScheme: 'ogm',
      currency: 'EUR',
      logo: { data: png, type: 'png' },
    });
  });

  it('deletes the file of a replaced or removed logo, and keeps the logo through a settings update', async () => {
    const first = await logoKey();
    const replacement = pngOf(10, 10, 2);
    await logo.replace(upload(replacement), ADMIN_ID);
    const second = await logoKey();
    expect(second).not.toBe(first);
    await expect(stat(join(storageDir, first!))).rejects.toMatchObject({ code: 'ENOENT' });

    await settings.update(
      Object.assign(new UpdateOrganisationSettingsDto(), { name: 'Cercle Photo', contactEmail: 'a@cercle.example' }),
      ADMIN_ID,
    );
    expect((await settings.billingProfile()).logo).toEqual({ data: replacement, type: 'png' });

    await logo.remove(ADMIN_ID);
    expect(await logoKey()).toBeNull();
    await expect(stat(join(storageDir, second!))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await settings.billingProfile()).logo).toBeNull();
  });

  it('leaves off a logo whose file has gone from storage, rather than failing', async () => {
    await logo.replace(upload(pngOf(10, 10, 3)), ADMIN_ID);
    await moduleRef.get(FileStorage).remove([(await logoKey())!]);
    const profile = await settings.billingProfile();
    expect(profile.logo).toBeNull();
    expect(profile.legalName).toBe('Cercle Photo');
  });
});

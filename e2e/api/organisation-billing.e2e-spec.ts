import { createHash } from 'node:crypto';
import type { TesseraClient } from '@tessera/api-client';
import { jpegFile, padTo, pdfFile, pngFile } from '../support/fixtures';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, type Stack } from '../support/stack';

const details = {
  name: 'Cercle Photo de Bruxelles',
  contactEmail: 'membres@cercle.example',
  phone: null,
  address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
  websiteUrl: 'https://cercle.example',
  termsUrl: null,
  privacyUrl: null,
};

const billing = {
  legalName: 'Cercle Photo de Bruxelles ASBL',
  companyNumber: '0123.456.749',
  vatNumber: 'BE0123456749',
  iban: 'be71 0961 2345 6769',
  bic: 'gkcc bebb',
  invoiceFooter: 'RPM Bruxelles\r\nMerci pour votre adhésion.',
  paymentTermsDays: 14,
  timeZone: 'America/New_York',
  referenceScheme: 'ogm' as const,
  currency: 'usd',
  renewalTime: '01:30',
  statusSweepTime: '23:59',
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const KiB = 1024;

/** The billing half of the organisation's settings, and its logo. */
describe('organisation billing settings and logo (API over HTTP)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let adminToken: string;
  let officer: StaffSession;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    adminToken = session.data!.accessToken;
    admin = authorized(stack, adminToken);
    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
  });
  afterAll(() => stack.stop());

  const fetchAs = (path: string, init: RequestInit = {}, token?: string) =>
    fetch(`${stack.baseUrl}/api/v1${path}`, {
      ...init,
      headers: { ...init.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
  const uploadLogo = (bytes: Buffer, filename: string, token = adminToken) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), filename);
    return fetchAs('/settings/organisation/logo', { method: 'PUT', body: form }, token);
  };
  const stored = async () => (await admin.GET('/api/v1/settings/organisation')).data!;

  it('starts with the defaults: no bank details, 30 days, Brussels, RF, EUR, and no logo', async () => {
    expect(await stored()).toMatchObject({
      legalName: null,
      iban: null,
      bic: null,
      invoiceFooter: null,
      paymentTermsDays: 30,
      timeZone: 'Europe/Brussels',
      referenceScheme: 'rf',
      currency: 'EUR',
      renewalTime: '02:00',
      statusSweepTime: '03:00',
      logo: null,
    });
    expect((await fetchAs('/settings/organisation/logo')).status).toBe(404);
  });

  it('stores the billing fields as typed, in canonical form, and gives them back', async () => {
    const saved = await admin.PUT('/api/v1/settings/organisation', { body: { ...details, ...billing } });
    expect({ status: saved.response.status, error: saved.error }).toEqual({ status: 200, error: undefined });
    const canonical = {
      ...billing,
      iban: 'BE71096123456769',
      bic: 'GKCCBEBB',
      invoiceFooter: 'RPM Bruxelles\nMerci pour votre adhésion.',
      currency: 'USD',
    };
    expect(saved.data).toMatchObject(canonical);
    expect(await stored()).toMatchObject({ ...details, ...canonical, logo: null });
    // UTC is not in the runtime's list of zones, but is one.
    const utc = await admin.PUT('/api/v1/settings/organisation', { body: { ...details, ...billing, timeZone: 'UTC' } });
    expect(utc.data?.timeZone).toBe('UTC');
    // Left out, billing fields take their defaults (PUT replaces the whole).
    const bare = await admin.PUT('/api/v1/settings/organisation', { body: details });
    expect(bare.data).toMatchObject({ iban: null, paymentTermsDays: 30, referenceScheme: 'rf', currency: 'EUR' });
    await admin.PUT('/api/v1/settings/organisation', { body: { ...details, ...billing } });
  });

  it.each([
    ['an IBAN with wrong check digits', { iban: 'BE72 0961 2345 6769' }, 'iban', /not a valid IBAN/],
    ['an IBAN of the wrong length', { iban: 'BE71 0961 2345 676' }, 'iban', /not a valid IBAN/],
    ['a BIC of 9 characters', { bic: 'GKCCBEBB1' }, 'bic', /not a valid BIC/],
    ['a BIC with an unknown country', { bic: 'GKCCQQBB' }, 'bic', /not a valid BIC/],
    ['a time zone that is not one', { timeZone: 'Europe/Atlantis' }, 'timeZone', /IANA time zone/],
    ['an offset for a time zone', { timeZone: '+02:00' }, 'timeZone', /IANA time zone/],
    ['a currency that is not ISO 4217', { currency: 'EURO' }, 'currency', /ISO 4217/],
    ['an unknown currency code', { currency: 'XYZ' }, 'currency', /ISO 4217/],
    ['a reference scheme that is not one', { referenceScheme: 'iso' }, 'referenceScheme', /rf, ogm/],
    ['payment terms over a year', { paymentTermsDays: 366 }, 'paymentTermsDays', /365/],
    ['negative payment terms', { paymentTermsDays: -1 }, 'paymentTermsDays', /0/],
    ['fractional payment terms', { paymentTermsDays: 1.5 }, 'paymentTermsDays', /integer/],
    ['a renewal time past midnight', { renewalTime: '24:00' }, 'renewalTime', /HH:MM/],
    ['a sweep time without minutes', { statusSweepTime: '3' }, 'statusSweepTime', /HH:MM/],
    ['a footer over 500 characters', { invoiceFooter: 'x'.repeat(501) }, 'invoiceFooter', /500/],
    ['a VAT number over 50 characters', { vatNumber: 'BE'.repeat(26) }, 'vatNumber', /50/],
    ['a null time zone', { timeZone: null }, 'timeZone', /./],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_, change, field, message) => {
    const before = await stored();
    const answer = await admin.PUT('/api/v1/settings/organisation', {
      body: { ...details, ...billing, iban: 'DE89 3704 0044 0532 0130 00', ...change } as typeof billing &
        typeof details,
    });
    expect(answer.response.status).toBe(400);
    expect(answer.response.headers.get('content-type')).toContain('application/problem+json');
    const errors = (answer.error as { errors: { field: string; message: string }[] }).errors;
    expect(errors).toContainEqual(expect.objectContaining({ field, message: expect.stringMatching(message) }));
    expect(errors.map((error) => error.field)).toEqual([field]);
    expect(await stored()).toEqual(before);
  });

  it('takes a PNG logo from an admin, shows it in the settings and serves it with its SHA-256 as ETag', async () => {
    const png = pngFile(120, 40);
    const answer = await uploadLogo(png, 'logo.png');
    expect(answer.status).toBe(200);
    const settings = (await answer.json()) as { logo: { url: string; type: string } };
    expect(settings.logo).toEqual({
      url: `/api/v1/settings/organisation/logo?v=${sha256(png).slice(0, 16)}`,
      type: 'png',
    });
    expect((await stored()).logo).toEqual(settings.logo);

    // Public, with its type and an ETag a browser revalidates against.
    const served = await fetch(`${stack.baseUrl}${settings.logo.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('etag')).toBe(`"${sha256(png)}"`);
    expect(served.headers.get('cache-control')).toBe('public, no-cache');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
    const revalidated = await fetchAs('/settings/organisation/logo', {
      headers: { 'If-None-Match': `W/"${sha256(png)}"` },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(`"${sha256(png)}"`);
    expect(await revalidated.text()).toBe('');
    const stale = await fetchAs('/settings/organisation/logo', { headers: { 'If-None-Match': '"0000"' } });
    expect(stale.status).toBe(200);

    // A JPEG replaces it; the old ETag no longer matches.
    const jpeg = jpegFile(64, 64);
    expect((await uploadLogo(jpeg, 'logo.jpg')).status).toBe(200);
    const replaced = await fetchAs('/settings/organisation/logo', { headers: { 'If-None-Match': `"${sha256(png)}"` } });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await replaced.arrayBuffer())).toEqual(jpeg);
  });

  it.each([
    ['a PDF', pdfFile('not a logo'), 'logo.pdf', 415, /must be a PNG or JPEG file; it is a PDF/],
    ['a text file renamed .png', Buffer.from('just some text, honestly'), 'logo.png', 415, /not a type we accept/],
    ['a PNG over 512 KiB', padTo(pngFile(10, 10), 512 * KiB + 1), 'big.png', 413, /at most 0.5 MB/],
  ])('refuses %s and keeps the logo it had', async (_, bytes, filename, status, message) => {
    const before = await stored();
    const answer = await uploadLogo(bytes, filename);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await answer.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors).toEqual([{ field: 'file', message: expect.stringMatching(message) }]);
    expect(await stored()).toEqual(before);
  });

  it('refuses a form without a file, with other fields, or from someone not an admin', async () => {
    const empty = new FormData();
    empty.append('note', 'no file');
    const noFile = await fetchAs('/settings/organisation/logo', { method: 'PUT', body: empty }, adminToken);
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual([
      'note',
      'file',
    ]);
    const json = await fetchAs(
      '/settings/organisation/logo',
      { method: 'PUT', body: '{}', headers: { 'Content-Type': 'application/json' } },
      adminToken,
    );
    expect(json.status).toBe(415);
    expect((await uploadLogo(pngFile(10, 10), 'logo.png', officer.token)).status).toBe(403);
    expect((await fetchAs('/settings/organisation/logo', { method: 'DELETE' }, officer.token)).status).toBe(403);
    expect((await uploadLogo(pngFile(10, 10), 'logo.png', '')).status).toBe(401);
  });

  it('removes the logo for an admin, idempotently', async () => {
    expect((await fetchAs('/settings/organisation/logo', { method: 'DELETE' }, adminToken)).status).toBe(204);
    expect((await stored()).logo).toBeNull();
    expect((await fetchAs('/settings/organisation/logo')).status).toBe(404);
    expect((await fetchAs('/settings/organisation/logo', { method: 'DELETE' }, adminToken)).status).toBe(204);
  });
});

import { renderShareCertificatePdf, type ShareCertificatePdf } from './share-certificate-pdf';

const data: ShareCertificatePdf = {
  locale: 'fr',
  organisation: {
    name: 'Coopérative Énergie Verte',
    address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
    companyNumber: 'BE0123456749',
  },
  holder: { name: 'Łukasz Dvořák', address: null },
  cooperatorNumber: 'C-000042',
  shareClass: { code: 'B', name: 'Parts de soutien' },
  quantity: 4,
  shareNumbers: '17–20',
  unitPrice: 2500,
  currency: 'EUR',
  date: '2026-03-02',
  subscriptionReference: 'SHR-2026-000007',
};

describe('share certificate PDF', () => {
  it('gives the same bytes for the same movement (the stored file is the record)', async () => {
    const [first, second] = await Promise.all([renderShareCertificatePdf(data), renderShareCertificatePdf(data)]);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
  });

  it('differs when anything printed differs', async () => {
    const other = await renderShareCertificatePdf({ ...data, shareNumbers: '21–24' });
    expect(other.equals(await renderShareCertificatePdf(data))).toBe(false);
  });
});

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { priceLines } from '../arithmetic/document-arithmetic';
import { extractPages, imageCount, keep, seller } from '../test/pdf-testing';
import type { BillingDocumentPdf } from './billing-document-pdf.types';
import { renderBillingDocumentPdf } from './render-billing-document-pdf';

const organisation: BillingDocumentPdf['buyer'] = {
  name: 'Atelier Vert SRL',
  address: { line1: 'Chaussée de Wavre 210', postalCode: '1050', city: 'Ixelles', country: 'BE' },
  companyNumber: '0765.432.198',
  vatNumber: 'BE0765432198',
  memberNumber: 'M-000042',
  email: 'compta@ateliervert.example',
};

const person: BillingDocumentPdf['buyer'] = {
  name: 'Łukasz Dvořák',
  address: { line1: 'Kerkstraat 5', postalCode: '9000', city: 'Gent', country: 'BE' },
  memberNumber: 'M-000043',
};

type Line = BillingDocumentPdf['lines'][number];

function document(
  overrides: Omit<Partial<BillingDocumentPdf>, 'lines'> & { lines?: Omit<Line, 'net' | 'tax'>[] },
): BillingDocumentPdf {
  const { lines: inputLines, ...rest } = overrides;
  const priced = priceLines(
    inputLines ?? [
      {
        description: 'Yearly membership — Supporting member',
        period: { start: '2026-12-06', end: '2027-12-05' },
        quantity: 1,
        unitPrice: 12000,
        taxRateBps: 2100,
      },
      { description: 'Welcome pack (book and tote bag)', period: null, quantity: 2, unitPrice: 1999, taxRateBps: 600 },
      { description: 'Donation to the solidarity fund', period: null, quantity: 1, unitPrice: 2500, taxRateBps: 0 },
    ],
  );
  return {
    kind: 'invoice',
    locale: 'en',
    number: 'INV-2026-000001',
    issueDate: '2026-12-06',
    dueDate: '2026-12-20',
    currency: 'EUR',
    seller,
    buyer: organisation,
    lines: priced.lines,
    totals: priced.totals,
    taxSummary: priced.taxSummary,
    amountDue: priced.totals.gross,
    paymentReference: 'RF18 5390 0754 7034',
    related: null,
    reason: null,
    ...rest,
  };
}

// 12000 + 2 × 1999 + 2500 = 18498 net; tax 2520 + 239.88→240 + 0 = 2760; gross 21258.
const GROSS = { en: '€212.58', fr: '212,58 €' };

const invoiceEn = document({});
const invoiceFr = document({ locale: 'fr' });
const proFormaEn = document({
  kind: 'pro-forma',
  number: 'PRO-2026-000007',
  buyer: person,
  paymentReference: '+++090/9337/55493+++',
});
const proFormaFr = document({ ...proFormaEn, locale: 'fr', lines: undefined });
const creditNote = (locale: 'en' | 'fr') =>
  document({
    kind: 'credit-note',
    locale,
    number: 'CN-2026-000003',
    dueDate: null,
    amountDue: 0,
    paymentReference: null,
    related: { kind: 'credits', number: 'INV-2026-000001' },
    reason:
      locale === 'en'
        ? 'Membership cancelled within the cooling-off period'
        : 'Adhésion annulée pendant le délai de rétractation',
  });

// Rendering embeds fonts and extraction starts Node: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

describe('renderBillingDocumentPdf', () => {
  let rendered: Record<string, Buffer>;
  let texts: Record<string, string>;

  beforeAll(async () => {
    const documents: Record<string, BillingDocumentPdf> = {
      'invoice-en': invoiceEn,
      'invoice-fr': invoiceFr,
      'pro-forma-en': proFormaEn,
      'pro-forma-fr': proFormaFr,
      'credit-note-en': creditNote('en'),
      'credit-note-fr': creditNote('fr'),
    };
    rendered = {};
    for (const [name, data] of Object.entries(documents)) rendered[name] = await renderBillingDocumentPdf(data);
    for (const [name, pdf] of Object.entries(rendered)) keep(name, pdf);
    const names = Object.keys(rendered);
    const pages = extractPages(names.map((name) => rendered[name]));
    texts = Object.fromEntries(names.map((name, index) => [name, pages[index].join('\n')]));
  }, 60_000);

  it('prints a single A4 page with the document’s title and number', () => {
    for (const pdf of Object.values(rendered)) {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    }
    expect(texts['invoice-en']).toContain('Invoice');
    expect(texts['invoice-en']).toContain('INV-2026-000001');
    expect(texts['pro-forma-en']).toContain('Pro-forma invoice');
    expect(texts['credit-note-en']).toContain('Credit note');
  });

  it('prints the invoice in English: parties, lines, totals and payment', () => {
    const text = texts['invoice-en'];
    for (const expected of [
      'Tessera Cooperative ASBL',
      'Rue de la Loi 16',
      'Belgium',
      'Bill to'.toUpperCase(),
      'Atelier Vert SRL',
      'VAT number: BE0765432198',
      'Company number: 0765.432.198',
      'Member number: M-000042',
      'Issue date',
      '6 December 2026',
      '20 December 2026',
      '6 December 2026 – 5 December 2027',
      '€120.00',
      '€39.98',
      '21%',
      '6%',
      '0%',
      `Amount due ${GROSS.en}`,
      'BE68 5390 0754 7034',
      'GKCCBEBB',
      'RF18 5390 0754 7034',
      'Please transfer €212.58 by 20 December 2026.',
      'Scan with your banking app',
      'RPM Bruxelles',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints the invoice in French, amounts and dates the French way', () => {
    const text = texts['invoice-fr'];
    for (const expected of [
      'Facture',
      'Date d’émission',
      'Échéance',
      '6 décembre 2026',
      'du 6 décembre 2026 au 5 décembre 2027',
      'Facturé à'.toUpperCase(),
      'Numéro de TVA : BE0765432198',
      'Numéro de membre : M-000042',
      'Belgique',
      '120,00 €',
      '21 %',
      'Total hors TVA',
      'Récapitulatif de la TVA'.toUpperCase(),
      `Montant à payer ${GROSS.fr}`,
      'Communication RF18 5390 0754 7034',
      'Scannez avec votre application',
      'Page 1 / 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Invoice');
  });

  it('prints a pro-forma with its OGM, the buyer’s name in full and the pro-forma note', () => {
    expect(texts['pro-forma-en']).toContain('+++090/9337/55493+++');
    expect(texts['pro-forma-en']).toContain('not a tax invoice');
    expect(texts['pro-forma-fr']).toContain('Facture pro forma');
    expect(texts['pro-forma-fr']).toContain('+++090/9337/55493+++');
    // DejaVu Sans, when installed, prints every European letter; Helvetica's WinAnsi cannot.
    const hasDejaVu = existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
    expect(texts['pro-forma-en']).toContain(hasDejaVu ? 'Łukasz Dvořák' : 'Lukasz Dvorák');
  });

  it('prints a credit note with the invoice it credits and why, and no payment box', () => {
    expect(texts['credit-note-en']).toContain('Credits invoice INV-2026-000001');
    expect(texts['credit-note-en']).toContain('Reason: Membership cancelled within the cooling-off period');
    expect(texts['credit-note-en']).toContain(`Total credited ${GROSS.en}`);
    expect(texts['credit-note-fr']).toContain('Note de crédit');
    expect(texts['credit-note-fr']).toContain('Crédite la facture INV-2026-000001');
    expect(texts['credit-note-fr']).toContain('Motif : Adhésion annulée');
    for (const name of ['credit-note-en', 'credit-note-fr']) {
      expect(texts[name]).not.toMatch(/How to pay|Paiement|Amount due|Montant à payer|Scan|Scannez/);
      expect(imageCount(rendered[name])).toBe(1); // the logo only
    }
  });

  it('embeds the EPC QR code (and its caption) for a euro document with an IBAN and something due', async () => {
    expect(imageCount(rendered['invoice-en'])).toBe(2); // logo + QR
    const cases: [string, BillingDocumentPdf][] = [
      ['no-logo', document({ seller: { ...seller, logo: null } })],
      ['usd', document({ currency: 'USD' })],
      ['no-iban', document({ seller: { ...seller, logo: null, iban: null } })],
      ['paid', document({ seller: { ...seller, logo: null }, amountDue: 0 })],
      ['no-reference', document({ seller: { ...seller, logo: null }, paymentReference: null })],
    ];
    const pdfs = await Promise.all(cases.map(([, data]) => renderBillingDocumentPdf(data)));
    cases.forEach(([name], index) => keep(`qr-${name}`, pdfs[index]));
    const [noLogo, usd, noIban, paid, noReference] = extractPages(pdfs).map((pages) => pages.join('\n'));

    expect(imageCount(pdfs[0])).toBe(1);
    expect(noLogo).toContain('Scan with your banking app');
    expect(imageCount(pdfs[1])).toBe(1); // the logo: no QR for dollars
    expect(usd).toContain('US$212.58');
    expect(usd).toContain('How to pay');
    expect(usd).not.toContain('Scan with your banking app');
    expect(imageCount(pdfs[2])).toBe(0);
    expect(noIban).toContain('How to pay');
    expect(noIban).not.toContain('IBAN');
    expect(imageCount(pdfs[3])).toBe(0);
    expect(paid).toContain('Already paid €212.58');
    expect(paid).toContain('Amount due €0.00');
    expect(paid).not.toContain('How to pay');
    expect(imageCount(pdfs[4])).toBe(1);
    expect(noReference).not.toContain('Reference');
  });

  it('gives the same bytes for the same data, dated by the issue date', async () => {
    const sha = (pdf: Buffer) => createHash('sha256').update(pdf).digest('hex');
    const again = await renderBillingDocumentPdf(invoiceEn);
    expect(sha(again)).toBe(sha(rendered['invoice-en']));
    // pdfkit writes each info value as an object of its own: /CreationDate n 0 R … n 0 obj (D:…).
    const raw = again.toString('latin1');
    const object = /\/CreationDate (\d+) 0 R/.exec(raw)![1];
    expect(raw).toContain(`\n${object} 0 obj\n(D:20261206000000Z)\n`);
    const later = await renderBillingDocumentPdf({ ...invoiceEn, issueDate: '2026-12-07' });
    expect(sha(later)).not.toBe(sha(again));
  });

  it('gives the same bytes when many renders race (images are embedded in a fixed order)', async () => {
    // pdfkit decodes a PNG with transparency asynchronously and writes it when done; two such
    // images would land in either order. The QR code is therefore an opaque PNG.
    const pdfs = await Promise.all(Array.from({ length: 8 }, () => renderBillingDocumentPdf(invoiceEn)));
    const hashes = new Set(pdfs.map((pdf) => createHash('sha256').update(pdf).digest('hex')));
    expect(hashes.size).toBe(1);
  });

  it('flows 60 lines onto further pages, repeating the table header, totals at the end', async () => {
    const lines = Array.from({ length: 60 }, (_, index) => ({
      description: `Event ticket #${index + 1}`,
      period: index % 3 === 0 ? { start: '2026-01-01', end: '2026-12-31' } : null,
      quantity: 1 + (index % 4),
      unitPrice: 1500 + index,
      taxRateBps: index % 2 === 0 ? 2100 : 600,
    }));
    const long = document({ lines, locale: 'fr' });
    const pdf = await renderBillingDocumentPdf(long);
    keep('invoice-60-lines-fr', pdf);
    const [pages] = extractPages([pdf]);

    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(`Page ${index + 1} / ${pages.length}`);
      if (index > 0) expect(page).toContain('Facture INV-2026-000001 (suite)');
    }
    const withLines = pages.filter((page) => page.includes('Event ticket'));
    expect(withLines.length).toBeGreaterThanOrEqual(2);
    for (const page of withLines) expect(page).toContain('DESCRIPTION QTÉ PRIX UNITAIRE TVA MONTANT');
    for (let n = 1; n <= 60; n += 1) expect(pages.join('\n')).toMatch(new RegExp(`Event ticket #${n}\\b`));
    expect(pages[pages.length - 1]).toContain('Montant à payer');
    expect(pages[0]).not.toContain('Montant à payer');
  });

  it('wraps long texts within their columns and keeps a long footer on the page', async () => {
    const long = document({
      seller: {
        ...seller,
        name: 'Association des Amis du Musée Royal des Beaux-Arts et de la Cinémathèque de Bruxelles-Capitale',
        footer: Array.from(
          { length: 8 },
          () => 'Association sans but lucratif — numéro d’entreprise 0123.456.749 — RPM Bruxelles.',
        ).join(' '),
      },
      buyer: {
        name: 'Fondation pour la promotion des arts vivants et de la culture en Wallonie et à Bruxelles',
        address: null,
      },
      lines: [
        {
          description:
            'Cotisation annuelle de membre bienfaiteur, comprenant l’accès illimité aux collections permanentes, aux expositions temporaires et aux conférences du jeudi',
          period: { start: '2026-01-01', end: '2026-12-31' },
          quantity: 12,
          unitPrice: 987654,
          taxRateBps: 550,
        },
      ],
      locale: 'fr',
    });
    const pdf = await renderBillingDocumentPdf(long);
    keep('invoice-long-texts-fr', pdf);
    const [pages] = extractPages([pdf]);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('RPM Bruxelles.');
    expect(pages[0]).toContain('118 518,48 €'); // 12 × 9 876,54
  });

  it('falls back to Helvetica on request, keeping € and French spacing', async () => {
    const pdf = await renderBillingDocumentPdf(document({ locale: 'fr', buyer: person }), { fonts: 'standard' });
    keep('invoice-fr-helvetica', pdf);
    const [pages] = extractPages([pdf]);
    const text = pages.join('\n');
    expect(text).toContain(`Montant à payer ${GROSS.fr}`);
    expect(text).toContain('Lukasz Dvorák'); // ł has no WinAnsi glyph, á has
    expect(pdf.toString('latin1')).toContain('/BaseFont /Helvetica');
  });
});

import { createHash } from 'node:crypto';
import { extractPages, imageCount, keep, seller } from '../test/pdf-testing';
import type { ReceiptPdf } from './receipt-pdf.types';
import { renderReceiptPdf } from './render-receipt-pdf';

const receipt = (overrides: Partial<ReceiptPdf> = {}): ReceiptPdf => ({
  locale: 'en',
  number: 'REC-2026-000012',
  receivedOn: '2026-12-03',
  currency: 'EUR',
  seller,
  member: {
    name: 'Ada Lovelace',
    address: { line1: 'Kerkstraat 5', postalCode: '9000', city: 'Gent', country: 'BE' },
    memberNumber: 'M-000043',
    email: 'ada@example.test',
  },
  amount: 30000,
  method: 'bank-transfer',
  reference: '+++090/9337/55493+++',
  payer: null,
  applied: [
    { number: 'INV-2026-000004', amount: 21258 },
    { number: 'INV-2026-000009', amount: 5000 },
  ],
  credit: 3742,
  reversal: null,
  ...overrides,
});

const sha = (pdf: Buffer) => createHash('sha256').update(pdf).digest('hex');

// Rendering embeds fonts and extraction starts Node: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

describe('renderReceiptPdf', () => {
  const receipts: Record<string, ReceiptPdf> = {
    'receipt-en': receipt(),
    'receipt-fr': receipt({ locale: 'fr' }),
    'receipt-all-credit-en': receipt({ applied: [], credit: 30000, method: 'cash', reference: null }),
    'receipt-exact-fr': receipt({
      locale: 'fr',
      amount: 21258,
      applied: [{ number: 'INV-2026-000004', amount: 21258 }],
      credit: 0,
      method: 'cheque',
      payer: 'Atelier Vert SRL',
    }),
    'receipt-reversed-en': receipt({
      credit: 0,
      reversal: { on: '2026-12-05', reason: 'Recorded on the wrong member.' },
    }),
    'receipt-reversed-fr': receipt({
      locale: 'fr',
      credit: 0,
      reversal: { on: '2026-12-05', reason: 'Enregistré sur le mauvais membre.' },
    }),
  };
  let rendered: Record<string, Buffer>;
  let texts: Record<string, string>;

  beforeAll(async () => {
    rendered = {};
    for (const [name, data] of Object.entries(receipts)) rendered[name] = await renderReceiptPdf(data);
    for (const [name, pdf] of Object.entries(rendered)) keep(name, pdf);
    const names = Object.keys(rendered);
    const pages = extractPages(names.map((name) => rendered[name]));
    texts = Object.fromEntries(names.map((name, index) => [name, pages[index].join('\n')]));
  }, 60_000);

  it('prints one A4 page titled with the receipt number, the logo its only picture', () => {
    for (const [name, pdf] of Object.entries(rendered)) {
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
      expect(imageCount(pdf)).toBe(1);
      expect(texts[name]).toContain('REC-2026-000012');
    }
    expect(texts['receipt-en']).toMatch(/^Receipt$/m);
    expect(texts['receipt-en']).toContain('Receipt REC-2026-000012 Page 1 of 1');
    expect(texts['receipt-fr']).toContain('Reçu REC-2026-000012 Page 1 / 1');
  });

  it('prints the organisation, the member, the amount, method, reference, documents paid and credit', () => {
    const text = texts['receipt-en'];
    for (const expected of [
      'Tessera Cooperative ASBL',
      'Rue de la Loi 16',
      'RECEIVED FROM',
      'Ada Lovelace',
      'Kerkstraat 5',
      'Member number: M-000043',
      'Receipt number REC-2026-000012',
      'Date received 3 December 2026',
      'AMOUNT RECEIVED',
      '€300.00',
      'Payment method Bank transfer',
      'Reference +++090/9337/55493+++',
      'DOCUMENT AMOUNT APPLIED',
      'INV-2026-000004 €212.58',
      'INV-2026-000009 €50.00',
      'Total applied €262.58',
      'Credit on your account €37.42',
      'Your credit is used first on your next invoice.',
      'Thank you for your payment.',
      'RPM Bruxelles',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/Reversed|Paid by/);
  });

  it('prints it in French: words, dates and amounts the French way', () => {
    const text = texts['receipt-fr'];
    for (const expected of [
      'Reçu',
      'REÇU DE',
      'Numéro de membre : M-000043',
      'Numéro du reçu REC-2026-000012',
      'Date de réception 3 décembre 2026',
      'MONTANT REÇU',
      '300,00 €',
      'Mode de paiement Virement bancaire',
      'Référence +++090/9337/55493+++',
      'DOCUMENT MONTANT AFFECTÉ',
      'INV-2026-000004 212,58 €',
      'Total affecté 262,58 €',
      'Crédit sur votre compte 37,42 €',
      'Merci pour votre paiement.',
      'Belgique',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/Receipt|Credit on your account/);
    expect(texts['receipt-exact-fr']).toContain('Mode de paiement Chèque');
    expect(texts['receipt-exact-fr']).toContain('Payé par Atelier Vert SRL');
    expect(texts['receipt-exact-fr']).not.toContain('Crédit sur votre compte');
  });

  it('prints a payment that paid nothing yet as all credit, with no table', () => {
    const text = texts['receipt-all-credit-en'];
    expect(text).toContain('Payment method Cash');
    expect(text).toContain('Credit on your account €300.00');
    expect(text).not.toMatch(/AMOUNT APPLIED|Total applied|Reference/);
  });

  it('prints a reversed payment with a banner: the date and the reason', () => {
    expect(texts['receipt-reversed-en']).toContain('Reversed on 5 December 2026 — Recorded on the wrong member.');
    expect(texts['receipt-reversed-en']).toContain('it no longer pays the documents below');
    expect(texts['receipt-reversed-en']).not.toContain('Credit on your account');
    expect(texts['receipt-reversed-fr']).toContain('Annulé le 5 décembre 2026 — Enregistré sur le mauvais membre.');
    expect(texts['receipt-reversed-fr']).toContain('Ce paiement a été annulé : il ne règle plus');
  });

  it('gives the same bytes for the same payment, dated by the day the money came in', async () => {
    const again = await Promise.all(Array.from({ length: 4 }, () => renderReceiptPdf(receipts['receipt-en'])));
    expect(new Set(again.map(sha))).toEqual(new Set([sha(rendered['receipt-en'])]));
    const raw = again[0].toString('latin1');
    const object = /\/CreationDate (\d+) 0 R/.exec(raw)![1];
    expect(raw).toContain(`\n${object} 0 obj\n(D:20261203000000Z)\n`);
    expect(sha(await renderReceiptPdf(receipt({ receivedOn: '2026-12-04' })))).not.toBe(sha(again[0]));
  });

  it('flows 50 documents over pages, repeating the table header, the credit at the end', async () => {
    const applied = Array.from({ length: 50 }, (_, index) => ({
      number: `INV-2026-${String(index + 1).padStart(6, '0')}`,
      amount: 500 + index,
    }));
    const pdf = await renderReceiptPdf(receipt({ locale: 'fr', applied, amount: 60000, credit: 33775 }));
    keep('receipt-50-documents-fr', pdf);
    const [pages] = extractPages([pdf]);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(`Page ${index + 1} / ${pages.length}`);
      if (index > 0) expect(page).toContain('Reçu REC-2026-000012 (suite)');
      expect(page).toContain('DOCUMENT MONTANT AFFECTÉ');
    }
    for (const row of applied) expect(pages.join('\n')).toContain(row.number);
    expect(pages[pages.length - 1]).toContain('Crédit sur votre compte 337,75 €');
  });
});

import { EmailRenderer, type ApprovalEmailData } from '@tessera/notifications';
import { extractLinks } from '@tessera/testing';

const url = 'https://tessera.test/office/approvals/0b6c5a3e-8f0e-4d8e-9a51-0a4f2c7d9e11';
const base: ApprovalEmailData = {
  name: 'Olive Officer',
  title: 'Ada <Lovelace>',
  reference: 'APP-2026-000042',
  levelName: 'Board review',
  dueDate: '2026-03-09',
  url,
};

describe('approval e-mails', () => {
  const renderer = new EmailRenderer();

  it('asks an approver for a decision, with the link, the level and the due date, in English and French', () => {
    const en = renderer.render('approval-requested', 'en', base);
    expect(en.subject).toBe('Approval needed: Ada <Lovelace> (APP-2026-000042)');
    expect(en.html).toContain('<strong>Ada &lt;Lovelace&gt;</strong>');
    expect(en.text).toContain('at the level "Board review". Please approve or refuse it by 2026-03-09.');
    expect(extractLinks(en)).toContain(url);

    const fr = renderer.render('approval-requested', 'fr', base);
    expect(fr.subject).toBe('Approbation demandée : Ada <Lovelace> (APP-2026-000042)');
    expect(fr.text).toContain('d’ici le 2026-03-09');
    expect(extractLinks(fr)).toContain(url);
  });

  it('leaves out an empty reference', () => {
    expect(renderer.render('approval-requested', 'en', { ...base, reference: '' }).subject).toBe(
      'Approval needed: Ada <Lovelace>',
    );
  });

  it('tells the new approver who handed the decision over, with their note when there is one', () => {
    const en = renderer.render('approval-reassigned', 'en', { ...base, fromName: 'Arthur', comment: 'On leave' });
    expect(en.subject).toBe('Arthur handed you a decision: Ada <Lovelace> (APP-2026-000042)');
    expect(en.text).toContain('Their note: On leave');
    expect(extractLinks(en)).toContain(url);
    const fr = renderer.render('approval-reassigned', 'fr', { ...base, fromName: 'Arthur', comment: '' });
    expect(fr.subject).toBe('Arthur vous confie une décision : Ada <Lovelace> (APP-2026-000042)');
    expect(fr.text).not.toContain('Sa note');
  });

  it('reminds of an overdue decision, with plurals by locale', () => {
    const en = renderer.render('approval-reminder', 'en', { ...base, overdueDays: 1 });
    expect(en.subject).toBe('Reminder: your decision on Ada <Lovelace> (APP-2026-000042) is overdue');
    expect(en.text).toContain('since its due date, 2026-03-09 (1 day ago)');
    const fr = renderer.render('approval-reminder', 'fr', { ...base, overdueDays: 3 });
    expect(fr.text).toContain('(il y a 3 jours)');
    expect(extractLinks(fr)).toContain(url);
  });
});

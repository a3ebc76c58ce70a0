import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractLinks } from '@tessera/testing';
import {
  DEFAULT_TEMPLATES_DIR,
  EmailRenderer,
  UnknownEmailTemplateError,
  type EmailOrganisation,
} from './email-renderer';
import { LOCALES, type EmailTemplates } from './mail.types';

const reset: EmailTemplates['password-reset'] = {
  name: 'Ann Example',
  resetUrl: 'https://tessera.test/reset-password?token=abc123&lang=en',
  expiresInMinutes: 60,
};
const invitation: EmailTemplates['staff-invitation'] = {
  name: 'Bob Example',
  activationUrl: 'https://tessera.test/activate?token=xyz789',
  expiresInDays: 7,
  invitedBy: 'Carla Admin',
};

const received: EmailTemplates['application-received'] = {
  name: 'Ada Lovelace',
  reference: 'APP-2026-000042',
  planName: 'Individual <membership>',
};

const organisation: EmailOrganisation = {
  name: 'Cercle Photo <Bruxelles>',
  contactEmail: 'membres@cercle.example',
  phone: '+32 2 123 45 67',
  address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
  termsUrl: 'https://cercle.example/statuts',
  privacyUrl: 'https://cercle.example/vie-privee',
};

describe('EmailRenderer', () => {
  const renderer = new EmailRenderer();

  it("names the organisation at the top and gives its contact details and links in every e-mail's footer", () => {
    const en = renderer.render('application-received', 'en', received, organisation);
    expect(en.html).toContain('Cercle Photo &lt;Bruxelles&gt;');
    expect(en.html).toContain('Rue de la Loi 16, 1000 Bruxelles');
    expect(en.html).toContain('Questions? Write to <a href="mailto:membres@cercle.example"');
    expect(en.html).toContain('<a href="https://cercle.example/statuts" style="color:#0f766e;">Membership terms</a>');
    expect(en.html).toContain('Privacy notice</a>');
    expect(en.html).not.toContain('You received this e-mail from Tessera');
    expect(en.text.startsWith('Cercle Photo <Bruxelles>\n')).toBe(true);
    expect(en.text).toContain('Questions? Write to membres@cercle.example · +32 2 123 45 67');
    expect(en.text).toContain('Membership terms: https://cercle.example/statuts');
    expect(en.text).toContain('Privacy notice: https://cercle.example/vie-privee');

    const fr = renderer.render('application-received', 'fr', received, {
      ...organisation,
      address: null,
      termsUrl: null,
    });
    expect(fr.text).toContain('Une question ? Écrivez à membres@cercle.example');
    expect(fr.text).toContain('Politique de confidentialité : https://cercle.example/vie-privee');
    expect(fr.text).not.toContain('Rue de la Loi');
    expect(fr.html).not.toContain('Conditions d’adhésion');
  });

  it('promises in the portal invitation only what the portal does today (no invoices before billing exists)', () => {
    for (const locale of LOCALES) {
      const email = renderer.render('portal-invitation', locale, {
        name: 'Ada',
        activationUrl: 'https://tessera.test/activate#token=abc',
        expiresInDays: 7,
      });
      expect(email.text).not.toMatch(/invoice|factur|your requests|vos demandes/i);
    }
  });

  it('renders the password reset in English: subject, HTML in the layout, and text', () => {
    const email = renderer.render('password-reset', 'en', reset);

    expect(email.subject).toBe('Reset your Tessera password');
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain('<html lang="en"');
    expect(email.html).toContain('<title>Reset your Tessera password</title>');
    expect(email.html).toContain('Tessera');
    expect(email.html).toContain('Hello Ann Example,');
    expect(email.html).toContain('Choose a new password</a>');
    expect(email.html).toContain('expires in 60 minutes');
    expect(email.html).toContain('If the button does not work, copy this link into your browser:');
    // the link is both the button and the raw link below it, &-escaped inside the HTML
    const escapedLink = 'https://tessera.test/reset-password?token&#x3D;abc123&amp;lang&#x3D;en';
    expect(email.html.split(`href="${escapedLink}"`)).toHaveLength(3);
    expect(email.html).toContain(`>${escapedLink}</a>`);
    expect(extractLinks({ html: email.html, text: '' })).toEqual([reset.resetUrl]);

    expect(email.text).toContain('Hello Ann Example,');
    expect(email.text).toContain(`\n${reset.resetUrl}\n`);
    expect(email.text).toContain('expires in 60 minutes');
    expect(email.text).toContain('You received this e-mail from Tessera');
    expect(email.text).not.toMatch(/<[a-z/]/i);
    expect(email.text).not.toContain('&amp;');
    expect(email.text.endsWith('\n')).toBe(true);
    expect(email.text).not.toMatch(/\n{3,}/);
  });

  it('renders the password reset in French', () => {
    const email = renderer.render('password-reset', 'fr', reset);

    expect(email.subject).toBe('Réinitialisez votre mot de passe Tessera');
    expect(email.html).toContain('<html lang="fr"');
    expect(email.html).toContain('Bonjour Ann Example,');
    expect(email.html).toContain('Choisir un nouveau mot de passe</a>');
    expect(email.html).toContain('expire dans 60 minutes');
    expect(email.html).toContain('Si le bouton ne fonctionne pas');
    expect(email.text).toContain('Bonjour Ann Example,');
    expect(email.text).toContain(reset.resetUrl);
    expect(email.text).toContain('Vous avez reçu cet e-mail de Tessera');
  });

  it('renders the staff invitation in both locales, with plurals by locale', () => {
    const en = renderer.render('staff-invitation', 'en', invitation);
    expect(en.subject).toBe('Carla Admin invited you to Tessera');
    expect(en.html).toContain('Activate my account</a>');
    expect(en.html).toContain('expires in 7 days');
    expect(en.text).toContain('Carla Admin has invited you');
    expect(extractLinks(en)).toEqual([invitation.activationUrl]);

    const fr = renderer.render('staff-invitation', 'fr', { ...invitation, expiresInDays: 1 });
    expect(fr.subject).toBe('Carla Admin vous invite sur Tessera');
    expect(fr.html).toContain('Activer mon compte</a>');
    expect(fr.html).toContain('expire dans 1 jour.');
    expect(fr.text).toContain('expire dans 1 jour.');
    expect(renderer.render('staff-invitation', 'en', { ...invitation, expiresInDays: 1 }).text).toContain(
      'expires in 1 day.',
    );
  });

  it('renders the application confirmation in both locales, with its reference and plan', () => {
    const en = renderer.render('application-received', 'en', received);
    expect(en.subject).toBe('We received your membership application APP-2026-000042');
    expect(en.html).toContain('Hello Ada Lovelace,');
    expect(en.html).toContain('<strong>Individual &lt;membership&gt;</strong>');
    expect(en.text).toContain('applying for the Individual <membership> plan');
    expect(en.text).toContain('Your reference is APP-2026-000042.');
    expect(extractLinks(en)).toEqual([]);

    const fr = renderer.render('application-received', 'fr', received);
    expect(fr.subject).toBe('Nous avons reçu votre demande d’adhésion APP-2026-000042');
    expect(fr.html).toContain('<html lang="fr"');
    expect(fr.html).toContain('Bonjour Ada Lovelace,');
    expect(fr.text).toContain('Votre référence est APP-2026-000042.');
  });

  it('escapes data in the HTML, and leaves the subject and text as plain text', () => {
    const email = renderer.render('staff-invitation', 'en', {
      ...invitation,
      name: '<script>alert("x")</script>',
      invitedBy: 'Tom & <Jerry>',
    });

    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.html).toContain('Tom &amp; &lt;Jerry&gt; has invited you');
    expect(email.html).toContain('<title>Tom &amp; &lt;Jerry&gt; invited you to Tessera</title>');
    expect(email.subject).toBe('Tom & <Jerry> invited you to Tessera');
    expect(email.text).toContain('Hello <script>alert("x")</script>,');
    expect(email.text).toContain('Tom & <Jerry> has invited you');
  });

  it('puts an attribute-breaking link safely inside href', () => {
    const email = renderer.render('password-reset', 'en', { ...reset, resetUrl: 'https://x.test/"><img src=x>' });
    expect(email.html).not.toContain('"><img');
    expect(email.html).toContain('href="https://x.test/&quot;&gt;&lt;img src&#x3D;x&gt;"');
  });

  it('keeps the subject on one line', () => {
    const email = renderer.render('staff-invitation', 'en', { ...invitation, invitedBy: 'Eve\r\nBcc: x@evil.test' });
    expect(email.subject).toBe('Eve Bcc: x@evil.test invited you to Tessera');
  });

  it('refuses an unknown template, an unknown locale and names that are not template names', () => {
    expect(() => renderer.render('no-such-template', 'en', {})).toThrow(UnknownEmailTemplateError);
    expect(() => renderer.render('no-such-template', 'en', {})).toThrow(
      /no-such-template\/en\.subject\.hbs is missing/,
    );
    expect(() => renderer.render('password-reset', 'de', reset)).toThrow(/locales are en, fr/);
    expect(() => renderer.render('../password-reset', 'en', reset)).toThrow(UnknownEmailTemplateError);
    expect(() => renderer.render('layouts', 'en', {})).toThrow(UnknownEmailTemplateError);
    expect(() => renderer.assertExists('password-reset', 'en')).not.toThrow();
    expect(() => renderer.assertExists('password-rest', 'en')).toThrow(UnknownEmailTemplateError);
  });

  it('fails on data missing from what the template needs, rather than rendering a blank', () => {
    const { resetUrl: _omitted, ...withoutLink } = reset;
    expect(() => renderer.render('password-reset', 'en', withoutLink)).toThrow(/resetUrl/);
  });

  it('has every template in every locale, with subject, HTML and text', () => {
    const templates = readdirSync(DEFAULT_TEMPLATES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !['layouts', 'partials', 'locales'].includes(entry.name))
      .map((entry) => entry.name);
    expect(templates).toEqual(expect.arrayContaining(['password-reset', 'staff-invitation', 'application-received']));
    for (const template of templates)
      for (const locale of LOCALES) expect(() => renderer.assertExists(template, locale)).not.toThrow();
  });

  describe('with templates in a directory of its own', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'tessera-templates-'));
      cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('compiles each file once and renders from the cache afterwards', () => {
      const own = new EmailRenderer(dir);
      const first = own.render('password-reset', 'en', reset);
      writeFileSync(join(dir, 'password-reset', 'en.subject.hbs'), 'Changed on disk');
      writeFileSync(join(dir, 'layouts', 'main.html.hbs'), 'Changed on disk');
      expect(own.render('password-reset', 'en', reset)).toEqual(first);
      expect(new EmailRenderer(dir).render('password-reset', 'en', reset).subject).toBe('Changed on disk');
    });
  });
  it('renders a data field named `date` as the data, not as the date helper (the share certificate)', () => {
    const email = renderer.render('share-certificate', 'en', {
      name: 'Ada Lovelace',
      quantity: 4,
      classCode: 'B',
      shareNumbers: '1–4',
      date: '7 December 2026',
      cooperatorNumber: 'C-000001',
    });
    expect(email.text).toContain('7 December 2026');
    expect(email.html).toContain('7 December 2026');
  });
});

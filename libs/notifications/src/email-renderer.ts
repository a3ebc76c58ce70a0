import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { PostalAddress } from '@tessera/core';
import Handlebars from 'handlebars';
import { LOCALES, type Locale } from './mail.types';

/** Where the templates live: `libs/notifications/templates`, the same from `src/` and `dist/`. */
export const DEFAULT_TEMPLATES_DIR = resolve(__dirname, '../templates');
/** Injection token to render from another directory (tests). */
export const EMAIL_TEMPLATES_DIR = Symbol('EMAIL_TEMPLATES_DIR');

/** Who sends: named at the top of every e-mail, with its contact details and links in the footer. */
export interface EmailOrganisation {
  name: string;
  contactEmail: string;
  phone: string | null;
  address: PostalAddress | null;
  termsUrl: string | null;
  privacyUrl: string | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

type Part = 'subject' | 'html' | 'text';
type Compiled = HandlebarsTemplateDelegate<Record<string, unknown>>;

export class UnknownEmailTemplateError extends Error {
  constructor(template: string, locale: string, reason: string) {
    super(`Unknown e-mail template "${template}" in locale "${locale}": ${reason}`);
    this.name = 'UnknownEmailTemplateError';
  }
}

const TEMPLATE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Renders `templates/<name>/<locale>.{subject,html,text}.hbs` inside the layouts
 * `templates/layouts/main.{html,text}.hbs`, with the partials of `templates/partials/` and the
 * layout strings of `templates/locales/<locale>.json`. Each file is compiled once and cached.
 * HTML is escaped (Handlebars' default); subject and text are plain text, so they are not.
 * Templates run in strict mode: a field missing from the data is an error, not a blank.
 */
@Injectable()
export class EmailRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Compiled>();
  private readonly strings = new Map<Locale, Record<string, string>>();

  constructor(@Optional() @Inject(EMAIL_TEMPLATES_DIR) private readonly dir: string = DEFAULT_TEMPLATES_DIR) {
    const partials = join(this.dir, 'partials');
    for (const file of readdirSync(partials).filter((name) => name.endsWith('.hbs'))) {
      this.handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
    }
    this.handlebars.registerHelper('plural', pluralHelper);
    this.handlebars.registerHelper('localDate', localDateHelper);
  }

  /** Throws UnknownEmailTemplateError unless the template exists in that locale (all three parts). */
  assertExists(template: string, locale: string): void {
    this.check(template, locale);
    for (const part of ['subject', 'html', 'text'] as const) this.template(template, locale as Locale, part);
  }

  /** Without `organisation` the layout names Tessera itself (previews, tests of one template). */
  render(
    template: string,
    locale: string,
    data: Record<string, unknown>,
    organisation: EmailOrganisation | null = null,
  ): RenderedEmail {
    this.assertExists(template, locale);
    const lang = locale as Locale;
    const t = this.layoutStrings(lang);
    const context = { ...data, locale: lang, t };
    const subject = this.template(template, lang, 'subject')(context).replace(/\s+/g, ' ').trim();
    const layout = { subject, locale: lang, t, organisation };
    return {
      subject,
      html: this.layout('html')({ ...layout, body: this.template(template, lang, 'html')(context) }),
      text: normalizeText(this.layout('text')({ ...layout, body: this.template(template, lang, 'text')(context) })),
    };
  }

  private check(template: string, locale: string): void {
    if (!TEMPLATE_NAME.test(template) || template === 'layouts' || template === 'partials' || template === 'locales')
      throw new UnknownEmailTemplateError(template, locale, 'not a template name');
    if (!(LOCALES as readonly string[]).includes(locale))
      throw new UnknownEmailTemplateError(template, locale, `locales are ${LOCALES.join(', ')}`);
  }

  private template(template: string, locale: Locale, part: Part): Compiled {
    return this.cached(`${template}/${locale}.${part}`, part, () => {
      try {
        return readFileSync(join(this.dir, template, `${locale}.${part}.hbs`), 'utf8');
      } catch {
        throw new UnknownEmailTemplateError(template, locale, `${template}/${locale}.${part}.hbs is missing`);
      }
    });
  }

  private layout(part: 'html' | 'text'): Compiled {
    return this.cached(`layouts/main.${part}`, part, () =>
      readFileSync(join(this.dir, 'layouts', `main.${part}.hbs`), 'utf8'),
    );
  }

  private cached(key: string, part: Part, source: () => string): Compiled {
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = this.handlebars.compile<Record<string, unknown>>(source(), {
        strict: true,
        noEscape: part !== 'html',
      });
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  private layoutStrings(locale: Locale): Record<string, string> {
    let strings = this.strings.get(locale);
    if (!strings) {
      strings = JSON.parse(readFileSync(join(this.dir, 'locales', `${locale}.json`), 'utf8')) as Record<string, string>;
      this.strings.set(locale, strings);
    }
    return strings;
  }
}

/** `{{plural 3 "day" "days"}}` → "3 days", by the plural rules of the e-mail's locale. */
function pluralHelper(count: unknown, one: unknown, other: unknown, options: Handlebars.HelperOptions): string {
  const locale = (options.data as { root?: { locale?: string } } | undefined)?.root?.locale ?? 'en';
  const n = Number(count);
  const word = new Intl.PluralRules(locale).select(n) === 'one' ? one : other;
  return `${n} ${String(word)}`;
}

/** No trailing spaces, at most one blank line in a row, one final newline. */
function normalizeText(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

const DATE_TAGS: Record<Locale, string> = { en: 'en-IE', fr: 'fr-BE' };

/**
 * `{{localDate periodEnd}}`: a local date YYYY-MM-DD in the e-mail's language (5 January 2027 ·
 * 5 janvier 2027), so set-based writers (the status sweep) can store plain dates.
 */
function localDateHelper(value: unknown, options: Handlebars.HelperOptions): string {
  const locale = (options.data as { root?: { locale?: Locale } }).root?.locale ?? 'en';
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new Error(`{{localDate}} needs a YYYY-MM-DD date, not ${String(value)}`);
  return new Intl.DateTimeFormat(DATE_TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

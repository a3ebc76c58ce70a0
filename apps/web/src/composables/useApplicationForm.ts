import { inject, provide, type InjectionKey } from 'vue';
import type { Address, ApplicantKind, ApplicationInput, Locale } from '@/api/types';
import { activeLocale } from '@/i18n/locale';
import { keyed, type Message } from '@/i18n/translate';
import { DOCUMENT_FILES, MAX_DOCUMENTS, PHOTO_FILES, fileProblem } from '@/utils/files';
import {
  checked,
  email,
  integerBetween,
  maxItems,
  maxLength,
  birthDate,
  pattern,
  phone,
  required,
  webAddress,
  when,
  type Validator,
} from '@/utils/validation';
import { useForm, type FieldPath, type FormRules } from './useForm';

/** What the application form edits: the `application` JSON, the files and the captcha payload. */
export type AddressModel = { line1: string; line2: string; postalCode: string; city: string; country: string | null };
export type RepresentativeModel = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  role: string;
  isContact: boolean;
};
export type ApplicationModel = {
  kind: ApplicantKind;
  planId: string | null;
  locale: Locale;
  person: {
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    birthDate: string;
    nationality: string | null;
    address: AddressModel;
  };
  professional: {
    occupation: string;
    employer: string;
    jobTitle: string;
    sector: string;
    licenceNumber: string;
    yearsOfExperience: number | null;
  };
  organisation: {
    legalName: string;
    registrationNumber: string;
    vatNumber: string;
    website: string;
    address: AddressModel;
    representatives: RepresentativeModel[];
  };
  documents: File[];
  /** What the chosen plan asks for (set by the plan picker; not sent: the server checks it too). */
  requiredDocuments: { count: number; hint: string | null };
  photo: File | null;
  signature: Blob | null;
  consent: { terms: boolean; privacy: boolean };
  altcha: string;
};

/** A field of the application form, e.g. "person.address.city". */
export type ApplicationPath = FieldPath<ApplicationModel>;

/** Where the form is used: the public page (captcha, signature required) or the back office. */
export type ApplicationFormMode = 'public' | 'staff';

export const MAX_REPRESENTATIVES = 10;
/** Applicants must be at least this old (the server's rule). */
export const MIN_AGE = 16;

const emptyAddress = (): AddressModel => ({ line1: '', line2: '', postalCode: '', city: '', country: null });

export const emptyRepresentative = (isContact = false): RepresentativeModel => ({
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  role: '',
  isContact,
});

export function initialModel(): ApplicationModel {
  return {
    kind: 'individual',
    planId: null,
    // E-mails in the language the applicant reads the form in, unless they choose otherwise.
    locale: activeLocale.value,
    person: {
      firstName: '',
      lastName: '',
      email: '',
      phone: '',
      birthDate: '',
      nationality: null,
      address: emptyAddress(),
    },
    professional: {
      occupation: '',
      employer: '',
      jobTitle: '',
      sector: '',
      licenceNumber: '',
      yearsOfExperience: null,
    },
    organisation: {
      legalName: '',
      registrationNumber: '',
      vatNumber: '',
      website: '',
      address: emptyAddress(),
      representatives: [emptyRepresentative(true)],
    },
    documents: [],
    requiredDocuments: { count: 0, hint: null },
    photo: null,
    signature: null,
    consent: { terms: false, privacy: false },
    altcha: '',
  };
}

type V = Validator<ApplicationModel>;
const isIndividual = (model: ApplicationModel) => model.kind === 'individual';
const isOrganisation = (model: ApplicationModel) => model.kind === 'organisation';
const individual = (...validators: V[]) => [when(isIndividual, ...validators)];
const organisation = (...validators: V[]) => [when(isOrganisation, ...validators)];
const text = (max: number, message: Message) => [required<ApplicationModel>(message), maxLength<ApplicationModel>(max)];

function hasProfessionalDetails(model: ApplicationModel): boolean {
  const { yearsOfExperience, ...texts } = model.professional;
  return yearsOfExperience !== null || Object.values(texts).some((value) => value.trim() !== '');
}

function filesOk(kind: typeof DOCUMENT_FILES): V {
  return (value) => {
    const files = (Array.isArray(value) ? value : [value]).filter((item): item is File => item instanceof File);
    for (const file of files) {
      const problem = fileProblem(file, kind);
      if (problem) return problem;
    }
    return null;
  };
}

function addressRules(prefix: 'person.address' | 'organisation.address', guard: (m: ApplicationModel) => boolean) {
  return {
    [`${prefix}.line1`]: [when(guard, ...text(200, keyed('registration.rules.street')))],
    [`${prefix}.line2`]: [maxLength<ApplicationModel>(200)],
    [`${prefix}.postalCode`]: [
      when(guard, ...text(20, keyed('registration.rules.postalCode'))),
      pattern(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, keyed('registration.rules.postalCodeChars')),
    ],
    [`${prefix}.city`]: [when(guard, ...text(100, keyed('registration.rules.city')))],
    [`${prefix}.country`]: [when(guard, required(keyed('registration.rules.country')))],
  } as FormRules<ApplicationModel>;
}

/** The rules of who applies: the person, or the organisation and its representatives (shared with the share form). */
export function holderRules(): FormRules<ApplicationModel> {
  const contactCount = (model: ApplicationModel) =>
    model.organisation.representatives.filter((representative) => representative.isContact).length;
  return {
    'person.firstName': individual(...text(100, keyed('registration.rules.firstName'))),
    'person.lastName': individual(...text(100, keyed('registration.rules.lastName'))),
    'person.email': individual(required(keyed('registration.rules.email')), email(), maxLength(254)),
    'person.phone': individual(required(keyed('registration.rules.phone')), phone()),
    'person.birthDate': individual(required(keyed('registration.rules.birthDate')), birthDate(MIN_AGE, 120)),
    'person.nationality': individual(required(keyed('registration.rules.nationality'))),
    ...addressRules('person.address', isIndividual),
    'organisation.legalName': organisation(...text(200, keyed('registration.rules.legalName'))),
    'organisation.registrationNumber': organisation(
      ...text(40, keyed('registration.rules.registrationNumber')),
      pattern(/^[A-Za-z0-9][A-Za-z0-9 ./-]+$/, keyed('registration.rules.registrationNumberChars')),
    ),
    'organisation.vatNumber': organisation(
      maxLength(20),
      pattern(/^[A-Za-z]{2}[A-Za-z0-9 .+*-]{2,17}$/, keyed('registration.rules.vatNumber')),
    ),
    'organisation.website': organisation(webAddress(), maxLength(200)),
    ...addressRules('organisation.address', isOrganisation),
    'organisation.representatives': organisation(
      required(keyed('registration.rules.representatives')),
      maxItems(MAX_REPRESENTATIVES, keyed('registration.rules.maxRepresentatives', { max: MAX_REPRESENTATIVES })),
      (_value, model) => (contactCount(model) === 1 ? null : keyed('registration.rules.oneContact')),
    ),
    'organisation.representatives.*.firstName': organisation(...text(100, keyed('registration.rules.repFirstName'))),
    'organisation.representatives.*.lastName': organisation(...text(100, keyed('registration.rules.repLastName'))),
    'organisation.representatives.*.email': organisation(
      required(keyed('registration.rules.repEmail')),
      email(),
      maxLength(254),
    ),
    'organisation.representatives.*.phone': organisation(phone()),
    'organisation.representatives.*.role': organisation(...text(100, keyed('registration.rules.repRole'))),
  };
}

function rulesFor(mode: ApplicationFormMode): FormRules<ApplicationModel> {
  return {
    planId: [required(keyed('registration.rules.plan'))],
    ...holderRules(),
    'professional.occupation': [
      when(
        (model) => isIndividual(model) && hasProfessionalDetails(model),
        required(keyed('registration.rules.occupation')),
      ),
      maxLength(100),
    ],
    'professional.employer': [maxLength(200)],
    'professional.jobTitle': [maxLength(100)],
    'professional.sector': [maxLength(100)],
    'professional.licenceNumber': [maxLength(50)],
    'professional.yearsOfExperience': [integerBetween(0, 80)],
    documents: [
      enoughDocuments(),
      maxItems(MAX_DOCUMENTS, keyed('registration.rules.maxDocuments', { max: MAX_DOCUMENTS })),
      filesOk(DOCUMENT_FILES),
    ],
    photo: [filesOk(PHOTO_FILES)],
    signature: mode === 'public' ? [signed()] : [],
    'consent.terms': [checked(keyed('registration.rules.terms'))],
    'consent.privacy': [checked(keyed('registration.rules.privacy'))],
    altcha: [],
  };
}

/** As many documents as the chosen plan requires. */
function enoughDocuments(): V {
  return (value, model) => {
    const { count, hint } = model.requiredDocuments;
    if (!Array.isArray(value) || value.length >= count) return null;
    return hint
      ? keyed('registration.rules.documentsRequiredHint', { count, hint })
      : keyed('registration.rules.documentsRequired', { count });
  };
}

function signed(): V {
  return (value) => (value instanceof Blob ? null : keyed('registration.rules.signature'));
}

/** The server names the multipart part: "application.person.email" is the field "person.email". */
function serverField(field: string): string {
  return field.replace(/^application\./, '');
}

function address(model: AddressModel): Address {
  return {
    line1: model.line1.trim(),
    ...(model.line2.trim() ? { line2: model.line2.trim() } : {}),
    postalCode: model.postalCode.trim(),
    city: model.city.trim(),
    country: model.country ?? '',
  };
}

/** Only the fields that were filled in: optional empties are left out, not sent as "". */
function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}

function website(value: string): string {
  const trimmed = value.trim();
  return !trimmed || /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** The `application` JSON for the model, with only the parts that belong to its kind. */
export function toApplicationInput(model: ApplicationModel): ApplicationInput {
  // The form's rules make both consents required; nothing is sent without them.
  if (!model.consent.terms || !model.consent.privacy) throw new Error('Both consents are needed to apply.');
  const base = {
    kind: model.kind,
    planId: model.planId ?? '',
    locale: model.locale,
    consent: { terms: true, privacy: true } as const,
  };
  if (model.kind === 'organisation') return { ...base, organisation: organisationInput(model) };
  return {
    ...base,
    person: personInput(model),
    ...(hasProfessionalDetails(model) ? { professional: professionalInput(model) } : {}),
  };
}

/** The organisation part of the JSON: trimmed, optional empties left out. */
export function organisationInput(model: ApplicationModel): NonNullable<ApplicationInput['organisation']> {
  const org = model.organisation;
  return {
    legalName: org.legalName.trim(),
    registrationNumber: org.registrationNumber.trim(),
    ...optional('vatNumber', org.vatNumber),
    address: address(org.address),
    ...optional('website', website(org.website)),
    representatives: org.representatives.map((rep) => ({
      firstName: rep.firstName.trim(),
      lastName: rep.lastName.trim(),
      email: rep.email.trim(),
      ...optional('phone', rep.phone),
      role: rep.role.trim(),
      isContact: rep.isContact,
    })),
  };
}

/** The person part of the JSON, trimmed. */
export function personInput(model: ApplicationModel): NonNullable<ApplicationInput['person']> {
  const person = model.person;
  return {
    firstName: person.firstName.trim(),
    lastName: person.lastName.trim(),
    email: person.email.trim(),
    phone: person.phone.trim(),
    birthDate: person.birthDate,
    address: address(person.address),
    nationality: person.nationality ?? '',
  };
}

function professionalInput(model: ApplicationModel): NonNullable<ApplicationInput['professional']> {
  const pro = model.professional;
  return {
    occupation: pro.occupation.trim(),
    ...optional('employer', pro.employer),
    ...optional('jobTitle', pro.jobTitle),
    ...optional('sector', pro.sector),
    ...optional('licenceNumber', pro.licenceNumber),
    ...(pro.yearsOfExperience !== null ? { yearsOfExperience: pro.yearsOfExperience } : {}),
  };
}

/** The multipart body of POST /applications. */
export function toFormData(model: ApplicationModel, mode: ApplicationFormMode): FormData {
  const body = new FormData();
  body.append('application', JSON.stringify(toApplicationInput(model)));
  for (const file of model.documents) body.append('documents', file, file.name);
  if (model.photo) body.append('photo', model.photo, model.photo.name);
  if (model.signature) body.append('signature', model.signature, 'signature.png');
  if (mode === 'public' && model.altcha) body.append('altcha', model.altcha);
  return body;
}

/** The applicant's e-mail address (the person's, or the organisation's contact's). */
export function applicantEmail(model: ApplicationModel): string {
  if (model.kind === 'individual') return model.person.email.trim();
  return model.organisation.representatives.find((rep) => rep.isContact)?.email.trim() ?? '';
}

export function createApplicationForm(mode: ApplicationFormMode) {
  return useForm<ApplicationModel>(initialModel(), rulesFor(mode), { mapServerField: serverField });
}

export type ApplicationForm = ReturnType<typeof createApplicationForm>;

interface ApplicationFormContext {
  form: ApplicationForm;
  mode: ApplicationFormMode;
  /** Prefix of element ids, so labels point at their inputs. */
  idPrefix: string;
}

const KEY: InjectionKey<ApplicationFormContext> = Symbol('application-form');

/** Creates the form and shares it with the section components below. */
export function provideApplicationForm(mode: ApplicationFormMode, idPrefix = 'apply'): ApplicationFormContext {
  return provideApplicationFormContext({ form: createApplicationForm(mode), mode, idPrefix });
}

/**
 * Shares a form whose model holds an application's fields (the share form's) with the section
 * components below (PersonFields, RepresentativesEditor…).
 */
export function provideApplicationFormContext(context: ApplicationFormContext): ApplicationFormContext {
  provide(KEY, context);
  return context;
}

/** The form of the nearest RegistrationForm. */
export function useApplicationForm(): ApplicationFormContext {
  const context = inject(KEY);
  if (!context) throw new Error('useApplicationForm() needs a RegistrationForm above it.');
  return context;
}

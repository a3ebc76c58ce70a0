import { translate } from '@/i18n/translate';

/** Professional details, as applications and members carry them. */
export interface ProfessionalParts {
  occupation: string;
  employer?: string;
  jobTitle?: string;
  sector?: string;
  licenceNumber?: string;
  yearsOfExperience?: number;
}

const PROFESSIONAL_FIELDS: (keyof ProfessionalParts)[] = [
  'occupation',
  'employer',
  'jobTitle',
  'sector',
  'licenceNumber',
  'yearsOfExperience',
];

/** The professional details that are filled in, labelled in the SPA's language, in a fixed order. */
export function professionalEntries(pro: ProfessionalParts | null | undefined): { label: string; value: string }[] {
  if (!pro) return [];
  return PROFESSIONAL_FIELDS.filter((key) => pro[key] !== undefined && pro[key] !== null && pro[key] !== '').map(
    (key) => ({ label: translate(`format.professional.${key}`), value: String(pro[key]) }),
  );
}

/** Professional details, as applications and members carry them. */
export interface ProfessionalParts {
  occupation: string;
  employer?: string;
  jobTitle?: string;
  sector?: string;
  licenceNumber?: string;
  yearsOfExperience?: number;
}

const PROFESSIONAL_FIELDS: [keyof ProfessionalParts, string][] = [
  ['occupation', 'Occupation'],
  ['employer', 'Employer'],
  ['jobTitle', 'Job title'],
  ['sector', 'Sector'],
  ['licenceNumber', 'Licence number'],
  ['yearsOfExperience', 'Years of experience'],
];

/** The professional details that are filled in, labelled, in a fixed order. */
export function professionalEntries(pro: ProfessionalParts | null | undefined): { label: string; value: string }[] {
  if (!pro) return [];
  return PROFESSIONAL_FIELDS.filter(([key]) => pro[key] !== undefined && pro[key] !== null && pro[key] !== '').map(
    ([key, label]) => ({ label, value: String(pro[key]) }),
  );
}

/** The words on a membership card, per language. */
export interface CardStrings {
  title: string;
  memberNumber: string;
  plan: string;
  validUntil: string;
  scanToVerify: string;
}

export const cardStrings: Record<'en' | 'fr', CardStrings> = {
  en: {
    title: 'Membership card',
    memberNumber: 'Member no.',
    plan: 'Plan',
    validUntil: 'Valid until',
    scanToVerify: 'Scan to verify',
  },
  fr: {
    title: 'Carte de membre',
    memberNumber: 'N° de membre',
    plan: 'Formule',
    validUntil: 'Valable jusqu’au',
    scanToVerify: 'Scanner pour vérifier',
  },
};

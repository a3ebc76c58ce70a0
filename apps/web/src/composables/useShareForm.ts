import type { CreateShareSubscriptionBody, ShareClass } from '@/api/shares-intake';
import { keyed } from '@/i18n/translate';
import { checked, pattern, required, type Validator } from '@/utils/validation';
import {
  holderRules,
  initialModel,
  organisationInput,
  personInput,
  type ApplicationForm,
  type ApplicationModel,
  type ApplicationPath,
} from './useApplicationForm';
import { useForm, type FormRules } from './useForm';

/** The share form: who (as on the application form), which class and how many, the IBAN, the statutes. */
export type ShareFormModel = ApplicationModel & {
  shareClassId: string | null;
  quantity: number | null;
  iban: string;
  statutes: boolean;
};

type V = Validator<ShareFormModel>;

/** Within the chosen class's bounds (the server also counts what the holder has). */
function quantityRule(classOf: (id: string | null) => ShareClass | undefined): V {
  return (value, model) => {
    const shareClass = classOf(model.shareClassId);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      return keyed('shareIntake.form.rules.quantity');
    if (!shareClass) return null;
    if (value < shareClass.minShares)
      return keyed('shareIntake.form.rules.atLeast', { min: shareClass.minShares, code: shareClass.code });
    if (shareClass.maxShares !== null && value > shareClass.maxShares)
      return keyed('shareIntake.form.rules.atMost', { max: shareClass.maxShares, code: shareClass.code });
    return null;
  };
}

export function createShareForm(classOf: (id: string | null) => ShareClass | undefined) {
  const rules = {
    ...(holderRules() as FormRules<ShareFormModel>),
    shareClassId: [required(keyed('shareIntake.form.rules.shareClass'))],
    quantity: [quantityRule(classOf)],
    iban: [
      required(keyed('shareIntake.form.rules.iban')),
      pattern(/^\s*[A-Za-z]{2}\s*\d{2}[A-Za-z0-9 ]{11,40}$/, keyed('shareIntake.form.rules.ibanShape')),
    ],
    statutes: [checked(keyed('shareIntake.form.rules.statutes'))],
    altcha: [],
  } as FormRules<ShareFormModel>;
  const initial: ShareFormModel = { ...initialModel(), shareClassId: null, quantity: 1, iban: '', statutes: false };
  return useForm<ShareFormModel>(initial, rules);
}

/** Shared with the application's section components, which only read and write its application fields. */
export function asApplicationForm(form: ReturnType<typeof createShareForm>): ApplicationForm {
  return form as unknown as ApplicationForm;
}

/** The JSON of POST /share-subscriptions. */
export function toShareBody(model: ShareFormModel): CreateShareSubscriptionBody {
  const common = {
    shareClassId: model.shareClassId ?? '',
    quantity: model.quantity ?? 0,
    iban: model.iban.trim(),
    locale: model.locale,
    consent: model.statutes,
    ...(model.altcha ? { altcha: model.altcha } : {}),
  };
  return model.kind === 'organisation'
    ? { ...common, kind: 'organisation', organisation: organisationInput(model) }
    : { ...common, kind: 'individual', person: personInput(model) };
}

/** The e-mail the confirmation goes to. */
export function shareHolderEmail(model: ShareFormModel): string {
  if (model.kind === 'individual') return model.person.email.trim();
  return model.organisation.representatives.find((rep) => rep.isContact)?.email.trim() ?? '';
}

/** A share form field as the application's field components name it (they only read and write it). */
export function sharePath(name: 'shareClassId' | 'quantity' | 'iban' | 'statutes'): ApplicationPath {
  return name as unknown as ApplicationPath;
}

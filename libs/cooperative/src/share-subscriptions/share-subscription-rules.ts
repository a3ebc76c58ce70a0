import { normaliseEmail, normaliseRegistrationNumber, type FieldErrorDto, type Principal } from '@tessera/core';
import { contactOf } from '@tessera/members';
import { birthDateProblem } from '@tessera/registration';
import type { HolderKind } from '../share-classes/share-class.dto';
import type { ShareClass } from '../share-classes/share-classes.service';
import type { CreateShareSubscriptionDto, ShareHolderKind } from './share-subscription.dto';
import type { ShareSubscriptionSource } from './share-subscription.repository';

/** Billing keeps amounts as 32-bit integers of minor units. */
export const MAX_AMOUNT = 2_147_483_647;

/** The holder a request names, before approval makes or matches their record. */
export interface Holder {
  kind: ShareHolderKind;
  /** What "one pending request per holder and class" compares: the e-mail or registration key. */
  key: string;
  name: string;
  email: string;
  /** The member record, when the request names a known one (staff, the portal). */
  memberId: string | null;
}

/** Who sends a request: staff (officers, admins), an integrator, or anyone else through the public form. */
export function sourceOf(principal: Principal | undefined): ShareSubscriptionSource {
  if (principal?.kind === 'api-key') return 'api';
  if (principal?.kind === 'user' && principal.roles.some((role) => role === 'officer' || role === 'admin'))
    return 'staff';
  return 'online';
}

export function personHolderKey(email: string): string {
  return `person:${normaliseEmail(email)}`;
}

export function organisationHolderKey(registrationNumber: string): string {
  return `organisation:${normaliseRegistrationNumber(registrationNumber)}`;
}

/**
 * Field errors of the holder part: the kind's details given (and only those), `memberId` for
 * staff only, and what the public form asks of a person as the membership application does
 * (phone, birth date 16 to 120 years ago, address, nationality).
 */
export function holderFieldErrors(
  dto: CreateShareSubscriptionDto,
  source: ShareSubscriptionSource,
  today: Date,
): FieldErrorDto[] {
  const errors: FieldErrorDto[] = [];
  const details = detailsFieldOf(dto.kind);
  const other = details === 'person' ? 'organisation' : 'person';
  if (dto[other] !== undefined)
    errors.push({ field: other, message: `must be left out unless kind is "${kindOf(other)}"` });
  if (dto.memberId !== undefined) {
    if (source === 'online')
      errors.push({ field: 'memberId', message: 'is for staff only: give your details instead' });
    else if (dto[details] !== undefined)
      errors.push({ field: 'memberId', message: `give either memberId (a known holder) or ${details}, not both` });
    return errors;
  }
  if (dto[details] === undefined) {
    errors.push({ field: details, message: `is required for kind "${dto.kind}"` });
    return errors;
  }
  if (details === 'person' && source === 'online' && dto.person) {
    for (const field of ['phone', 'birthDate', 'address', 'nationality'] as const)
      if (dto.person[field] === undefined) errors.push({ field: `person.${field}`, message: 'is required' });
  }
  if (dto.person?.birthDate) {
    const problem = birthDateProblem(dto.person.birthDate, today);
    if (problem) errors.push({ field: 'person.birthDate', message: problem });
  }
  return errors;
}

/** The request's field with the holder's details for a kind of holder. */
export function detailsFieldOf(kind: HolderKind): ShareHolderKind {
  return kind === 'individual' ? 'person' : 'organisation';
}

function kindOf(details: ShareHolderKind): HolderKind {
  return details === 'person' ? 'individual' : 'organisation';
}

/** The new holder a valid request names (no memberId): a person, or an organisation and its contact. */
export function newHolderOf(dto: CreateShareSubscriptionDto): Holder {
  if (dto.kind === 'organisation' && dto.organisation) {
    const contact = contactOf(dto.organisation.representatives);
    return {
      kind: 'organisation',
      key: organisationHolderKey(dto.organisation.registrationNumber),
      name: dto.organisation.legalName,
      email: normaliseEmail(contact.email),
      memberId: null,
    };
  }
  if (dto.kind === 'individual' && dto.person)
    return {
      kind: 'person',
      key: personHolderKey(dto.person.email),
      name: `${dto.person.firstName} ${dto.person.lastName}`,
      email: normaliseEmail(dto.person.email),
      memberId: null,
    };
  throw new Error(`A ${dto.kind} request without its ${dto.kind}`);
}

/** Why this kind of holder may not hold the class's shares, or null. */
export function holderKindProblem(shareClass: ShareClass, kind: ShareHolderKind): string | null {
  if (shareClass.holderKinds.includes(kindOf(kind))) return null;
  const who = shareClass.holderKinds.map((k) => (k === 'individual' ? 'individuals' : 'organisations')).join(' and ');
  return `may not hold class ${shareClass.code} shares (only ${who} may)`;
}

/** Why `quantity` more shares are refused to a holder who has `held` already, or null. */
export function quantityProblem(shareClass: ShareClass, held: number, quantity: number): string | null {
  if (quantity * shareClass.unitPrice > MAX_AMOUNT)
    return `is too many: the amount would exceed ${MAX_AMOUNT} minor units`;
  if (held === 0 && quantity < shareClass.minShares)
    return `must be at least ${shareClass.minShares} (the minimum of class ${shareClass.code})`;
  if (shareClass.maxShares !== null && held + quantity > shareClass.maxShares)
    return held > 0
      ? `must be at most ${Math.max(shareClass.maxShares - held, 0)}: the holder has ${held} of the ${shareClass.maxShares} class ${shareClass.code} shares one may hold`
      : `must be at most ${shareClass.maxShares} (the maximum of class ${shareClass.code})`;
  return null;
}

/** Who the public form's rate limit is not for: staff entering paper forms, integrators. */
export function submitsAsStaff(principal: Principal | undefined): boolean {
  return sourceOf(principal) !== 'online';
}

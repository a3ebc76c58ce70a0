import { Injectable } from '@nestjs/common';
import {
  Clock,
  normaliseEmail,
  normaliseRegistrationNumber,
  pageOf,
  ProblemException,
  Transactions,
  type Page,
} from '@tessera/core';
import { PlansService } from '@tessera/plans';
import type { ListMembersQueryDto } from './dto/member-query.dto';
import type { UpdateContactDetailsDto } from './dto/update-contact-details.dto';
import { MemberDetailDto, MemberSummaryDto, PersonDetailsDto } from './dto/member-response.dto';
import type { Member } from './entities/member.entity';
import {
  contactOf,
  joiningReason,
  type MemberContact,
  type MemberIntake,
  type MemberIntakeResult,
} from './member-intake';
import { formatMemberNumber } from './member-number';
import { canTransition, INITIAL_MEMBER_STATUS, transitionRefusal, type MemberStatus } from './member-status';
import { memberDetailOf } from './member-detail';
import { MemberListFilters } from './member-list-filters';
import type { ContactPersonColumn, ContactPersonCondition, PersonOfParam } from './member-read-sql';
import { MemberPlanListeners } from './member-plan-listeners';
import { MemberRepository, type MemberDetailRow } from './member.repository';
import type { MemberActor, MemberBillingDetails, MemberStatusState, StatusChangeReason } from './members.types';
import { PartyRepository, type PersonRef } from './party.repository';

const SYSTEM: MemberActor = { kind: 'system', id: null };

/** A member and the column a domain above members asked for (null when none, or no value). */
export interface WithExtra<T> {
  member: T;
  extra: unknown;
}

/** How a domain above members reads the list: a condition on the contact person, an added column. */
export interface MemberListView {
  contactPerson?: ContactPersonCondition;
  extra?: ContactPersonColumn;
}

/** How a domain above members reads one member: only if a person acts for it, with an added column. */
export interface MemberDetailView {
  actingPerson?: { of: PersonOfParam; value: unknown };
  extra?: ContactPersonColumn;
}

/**
 * Members: created or matched when an application is approved (or an order confirmed), and the
 * staff's list and detail. Statuses change only through member-status and are recorded.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly parties: PartyRepository,
    private readonly members: MemberRepository,
    private readonly plans: PlansService,
    private readonly clock: Clock,
    private readonly planListeners: MemberPlanListeners,
  ) {}

  /**
   * The member for an approved application: the party is matched (person by e-mail, organisation
   * by registration key, representatives by e-mail) or created, then its member is matched (plan
   * updated; an ex- or non-member rejoins as upcoming) or created as upcoming.
   *
   * Runs in the caller's transaction: `Transactions.run` joins the open one and only opens its
   * own when there is none, so the approval and the member commit or roll back together.
   * Concurrent calls for the same party meet on unique indexes (upserts), and the first holds the
   * party's row lock until it commits: the others then match what it created. Needs READ
   * COMMITTED (PostgreSQL's default) so a waiting call sees the row committed meanwhile.
   */
  async createOrMatchFromApplication(input: MemberIntake): Promise<MemberIntakeResult> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      if (!(await this.plans.namesOf([input.planId])).has(input.planId))
        throw new Error(`No plan has the id ${input.planId}`);
      const party =
        input.kind === 'person' ? await this.matchPerson(input, now) : await this.matchOrganisation(input, now);
      const member = await this.memberOf(party.id, input, now);
      // A member kept on its own plan (keepExistingMembership) did not join this one.
      if (member.created || !input.keepExistingMembership)
        await this.planListeners.notify(member.memberId, input.planId);
      return { ...member, contact: party.contact };
    });
  }

  /** The staff's list; `view` lets a domain above members narrow it and add a column (MemberView). */
  async list(query: ListMembersQueryDto, view: MemberListView = {}): Promise<Page<MemberSummaryDto>> {
    const page = await this.listWith(query, view);
    return { ...page, items: page.items.map(({ member }) => member) };
  }

  async listWith(query: ListMembersQueryDto, view: MemberListView = {}): Promise<Page<WithExtra<MemberSummaryDto>>> {
    const [rows, total] = await this.members.list({
      kind: query.kind,
      status: query.status,
      planId: query.planId,
      search: query.q,
      added: MemberListFilters.valuesIn(query),
      sort: query.sort,
      contactPerson: view.contactPerson,
      extra: view.extra,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(
      rows.map((row) => ({ member: MemberSummaryDto.from(row), extra: row.extra ?? null })),
      total,
      query,
    );
  }

  async get(id: string): Promise<MemberDetailDto> {
    return (await this.getWith(id)).member;
  }

  /** The member in full, in one statement; 404 when unknown or, with `actingPerson`, not theirs. */
  async getWith(id: string, view: MemberDetailView = {}): Promise<WithExtra<MemberDetailDto>> {
    const row = await this.members.findDetail(id, view);
    if (!row) throw ProblemException.notFound('No member has this id.', 'member-not-found');
    return { member: memberDetailOf(row), extra: row.extra ?? null };
  }

  /**
   * The members a person acts for — their own membership first, then the organisations they are
   * the contact of — the first in full, and the `caller` column, in one statement. `person` and
   * `caller` are SQL from `value` (e.g. the signed-in user's id).
   */
  async actedFor(
    person: PersonOfParam,
    value: unknown,
    caller?: PersonOfParam,
  ): Promise<{ memberships: MemberSummaryDto[]; first: MemberDetailDto | null; caller: unknown }> {
    const rows = await this.members.findDetailsActedFor(person, value, caller);
    const members = rows.filter((row): row is MemberDetailRow & { caller: unknown } => row.id != null);
    return {
      memberships: members.map((row) => MemberSummaryDto.from(row)),
      first: members.length > 0 ? memberDetailOf(members[0]) : null,
      caller: rows[0]?.caller ?? null,
    };
  }

  /** Who the member's e-mails and portal account go to: the person, or the organisation's contact. */
  async contactFor(memberId: string): Promise<MemberContact> {
    const row = await this.members.findRow(memberId);
    if (!row) throw ProblemException.notFound('No member has this id.', 'member-not-found');
    const person = row.contactPersonId ? await this.parties.findPerson(row.contactPersonId) : null;
    if (!person?.email)
      throw ProblemException.conflict('This member has no contact person with an e-mail address.', 'no-contact');
    return {
      personId: person.id,
      email: person.email,
      name: `${person.firstName} ${person.lastName}`,
      locale: person.locale,
    };
  }

  /**
   * Moves a member's status for a reason (their registration invoice paid, …) in the caller's
   * transaction, and records the change; an admin's override ends with it (the engine is in
   * charge again). Already there: nothing to do. Refused by the rule: 409.
   */
  async changeStatus(
    memberId: string,
    to: MemberStatus,
    reason: string | StatusChangeReason,
    actor: MemberActor = SYSTEM,
  ): Promise<void> {
    await this.transactions.run(async () => {
      const member = await this.lockedMember(memberId);
      if (member.status === to) {
        if (member.statusOverrideBasis !== null) await this.saveStatus(member, to, null);
        return;
      }
      const refusal = transitionRefusal(member.status, to);
      if (refusal) throw ProblemException.conflict(refusal, 'illegal-transition');
      await this.recordChange(member, to, typeof reason === 'string' ? { text: reason } : reason, actor, null);
    });
  }

  /**
   * An admin sets the status by hand, for a reason, over the engine's verdict `basis`: the
   * override holds until that verdict changes (the next money or date event). Only legal moves.
   */
  async overrideStatus(
    memberId: string,
    to: MemberStatus,
    reason: StatusChangeReason,
    basis: MemberStatus,
    actor: MemberActor,
  ): Promise<void> {
    await this.transactions.run(async () => {
      const member = await this.lockedMember(memberId);
      const refusal = transitionRefusal(member.status, to);
      if (refusal) throw ProblemException.conflict(refusal, 'illegal-transition');
      await this.recordChange(member, to, reason, actor, {
        basis,
        reason: String(reason.params?.reason ?? reason.text),
      });
    });
  }

  /** The member's plan follows their subscription's (a plan change), in the caller's transaction. */
  async changePlan(memberId: string, planId: string): Promise<void> {
    await this.transactions.run(async () => {
      const member = await this.members.lockById(memberId);
      if (!member) throw ProblemException.notFound('No member has this id.', 'member-not-found');
      if (member.planId === planId) return;
      member.planId = planId;
      member.updatedAt = this.clock.now();
      await this.members.save(member);
      await this.planListeners.notify(memberId, planId);
    });
  }

  /** The member's status and override (no lock); 404 when there is none. */
  async statusOf(memberId: string): Promise<MemberStatusState> {
    const member = await this.members.findById(memberId);
    if (!member) throw ProblemException.notFound('No member has this id.', 'member-not-found');
    return statusStateOf(member);
  }

  /** The member's status and override, locked for the rest of the transaction; 404 when there is none. */
  async lockStatus(memberId: string): Promise<MemberStatusState> {
    return statusStateOf(await this.lockedMember(memberId));
  }

  private async lockedMember(memberId: string): Promise<Member> {
    const member = await this.members.lockById(memberId);
    if (!member) throw ProblemException.notFound('No member has this id.', 'member-not-found');
    return member;
  }

  private async recordChange(
    member: Member,
    to: MemberStatus,
    reason: StatusChangeReason,
    actor: MemberActor,
    override: { basis: MemberStatus; reason: string } | null,
  ): Promise<void> {
    const from = member.status;
    const now = await this.saveStatus(member, to, override);
    await this.members.addStatusChange({
      memberId: member.id,
      fromStatus: from,
      toStatus: to,
      reason: reason.text,
      reasonCode: reason.code ?? null,
      reasonParams: reason.params ?? null,
      actorKind: actor.kind,
      actorId: actor.id,
      occurredAt: now,
    });
  }

  private async saveStatus(
    member: Member,
    to: MemberStatus,
    override: { basis: MemberStatus; reason: string } | null,
  ): Promise<Date> {
    const now = this.clock.now();
    member.status = to;
    member.statusOverrideBasis = override?.basis ?? null;
    member.statusOverrideReason = override?.reason ?? null;
    member.updatedAt = now;
    await this.members.save(member);
    return now;
  }

  /** Who the member's invoices are addressed to; 404 when there is no such member. */
  async billingDetails(memberId: string): Promise<MemberBillingDetails> {
    const details = await this.members.findBillingDetails(memberId);
    if (!details) throw ProblemException.notFound('No member has this id.', 'member-not-found');
    return details;
  }

  /** A person's own changes to their phone, address and language. */
  async updateContactDetails(personId: string, changes: UpdateContactDetailsDto): Promise<PersonDetailsDto> {
    return this.transactions.run(async () => {
      const person = await this.parties.lockPerson(personId);
      if (!person) throw ProblemException.notFound('No person has this id.', 'person-not-found');
      if (changes.phone !== undefined) person.phone = changes.phone;
      if (changes.address !== undefined) person.address = changes.address ? { ...changes.address } : null;
      if (changes.locale !== undefined) person.locale = changes.locale;
      person.updatedAt = this.clock.now();
      return PersonDetailsDto.from(await this.parties.savePerson(person));
    });
  }

  private async matchPerson(
    input: Extract<MemberIntake, { kind: 'person' }>,
    now: Date,
  ): Promise<{ id: string; contact: MemberContact }> {
    const { person } = input;
    const matched = await this.parties.upsertPerson(
      {
        firstName: person.firstName,
        lastName: person.lastName,
        email: normaliseEmail(person.email),
        phone: person.phone ?? null,
        birthDate: person.birthDate ?? null,
        address: person.address ?? null,
        nationality: person.nationality ?? null,
        locale: input.locale,
        professional: input.professional ?? null,
      },
      now,
    );
    return { id: matched.id, contact: contactFrom(matched) };
  }

  /**
   * The organisation (locked by its upsert), its representatives and its one contact. Persons
   * are matched in e-mail order, so two approvals sharing representatives lock them in the same
   * order and cannot deadlock.
   */
  private async matchOrganisation(
    input: Extract<MemberIntake, { kind: 'organisation' }>,
    now: Date,
  ): Promise<{ id: string; contact: MemberContact }> {
    const { organisation } = input;
    const contactEmail = normaliseEmail(contactOf(organisation.representatives).email);
    const organisationId = await this.parties.upsertOrganisation(
      {
        legalName: organisation.legalName,
        registrationNumber: organisation.registrationNumber,
        registrationKey: normaliseRegistrationNumber(organisation.registrationNumber),
        vatNumber: organisation.vatNumber ?? null,
        address: organisation.address ?? null,
        website: organisation.website ?? null,
      },
      now,
    );
    const representatives = organisation.representatives
      .map((representative) => ({ ...representative, email: normaliseEmail(representative.email) }))
      .sort((a, b) => a.email.localeCompare(b.email));
    let contact: PersonRef | undefined;
    for (const representative of representatives) {
      const person = await this.parties.upsertPerson(
        {
          firstName: representative.firstName,
          lastName: representative.lastName,
          email: representative.email,
          phone: representative.phone ?? null,
          birthDate: null,
          address: null,
          nationality: null,
          locale: input.locale,
          professional: null,
        },
        now,
      );
      await this.parties.linkRepresentative(organisationId, person.id, representative.role, now);
      if (representative.email === contactEmail) contact = person;
    }
    if (!contact) throw new Error('The contact representative was not matched');
    // The approved application names who receives the membership's e-mails and portal account.
    await this.parties.makeContact(organisationId, contact.id, now);
    return { id: organisationId, contact: contactFrom(contact) };
  }

  private async memberOf(
    partyId: string,
    input: MemberIntake,
    now: Date,
  ): Promise<Omit<MemberIntakeResult, 'contact'>> {
    const existing = await this.members.lockByParty(input.kind, partyId);
    if (existing) return this.matchMember(existing, input, now);
    const number = formatMemberNumber(await this.members.nextNumber());
    const memberId = await this.members.insertIfAbsent({
      number,
      kind: input.kind,
      personId: input.kind === 'person' ? partyId : null,
      organisationId: input.kind === 'organisation' ? partyId : null,
      planId: input.planId,
      status: input.newMemberStatus ?? INITIAL_MEMBER_STATUS,
      statusOverrideBasis: null,
      statusOverrideReason: null,
      joinedAt: now,
      sourceType: input.source.type,
      sourceId: input.source.id,
      sourceReference: input.source.reference,
      createdAt: now,
      updatedAt: now,
    });
    if (!memberId) {
      // Created meanwhile by a transaction that did not hold the party's lock: match it.
      const winner = await this.members.lockByParty(input.kind, partyId);
      if (!winner) throw new Error(`The member of party ${partyId} vanished`);
      return this.matchMember(winner, input, now);
    }
    await this.recordStatus(memberId, null, input, now);
    return { memberId, memberNumber: number, created: true };
  }

  /** An existing member: takes the new plan; an ex- or non-member becomes upcoming again. */
  private async matchMember(
    member: Member,
    input: MemberIntake,
    now: Date,
  ): Promise<Omit<MemberIntakeResult, 'contact'>> {
    if (input.keepExistingMembership) return { memberId: member.id, memberNumber: member.number, created: false };
    const from = member.status;
    const rejoins = canTransition(from, INITIAL_MEMBER_STATUS);
    if (member.planId !== input.planId || rejoins) {
      member.planId = input.planId;
      if (rejoins) {
        member.status = INITIAL_MEMBER_STATUS;
        member.statusOverrideBasis = null;
        member.statusOverrideReason = null;
      }
      member.updatedAt = now;
      await this.members.save(member);
    }
    if (rejoins) await this.recordStatus(member.id, from, input, now);
    return { memberId: member.id, memberNumber: member.number, created: false };
  }

  private async recordStatus(memberId: string, from: Member['status'] | null, input: MemberIntake, now: Date) {
    const actor = input.actor ?? SYSTEM;
    await this.members.addStatusChange({
      memberId,
      fromStatus: from,
      toStatus: from === null ? (input.newMemberStatus ?? INITIAL_MEMBER_STATUS) : INITIAL_MEMBER_STATUS,
      reason: joiningReason(input.source),
      reasonCode: null,
      reasonParams: null,
      actorKind: actor.kind,
      actorId: actor.id,
      occurredAt: now,
    });
  }
}

function contactFrom(person: PersonRef): MemberContact {
  return {
    personId: person.id,
    email: person.email,
    name: `${person.firstName} ${person.lastName}`,
    locale: person.locale,
  };
}

function statusStateOf(member: Member): MemberStatusState {
  return {
    status: member.status,
    override:
      member.statusOverrideBasis === null
        ? null
        : { basis: member.statusOverrideBasis, reason: member.statusOverrideReason ?? '' },
  };
}

import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { Person } from './entities/person.entity';
import type { MemberLocale, PostalAddress, ProfessionalDetails } from './members.types';

/** A person's details as they come in; e-mail already normalised. */
export interface PersonFields {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  birthDate: string | null;
  address: PostalAddress | null;
  nationality: string | null;
  locale: MemberLocale;
  professional: ProfessionalDetails | null;
}

/** An organisation's details as they come in; registration key already normalised. */
export interface OrganisationFields {
  legalName: string;
  registrationNumber: string;
  registrationKey: string;
  vatNumber: string | null;
  address: PostalAddress | null;
  website: string | null;
}

/** The person as matched or created: what callers need to address them. */
export interface PersonRef {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  locale: MemberLocale;
}

/**
 * The only place that speaks SQL for persons, organisations and representations; joins the
 * caller's transaction. Matching is an upsert on the unique key, so two transactions matching the
 * same party meet in the database: the second waits for the first and then finds its row. The
 * upsert also locks the party's row until the transaction ends, which serialises whatever the
 * caller does next for that party (its member, its contact).
 */
@Injectable()
export class PartyRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Matches by e-mail, else creates. A match only fills the details it lacks; it never overwrites. */
  async upsertPerson(fields: PersonFields, now: Date): Promise<PersonRef> {
    const [row] = (await this.transactions.manager.query(
      `INSERT INTO persons AS p (first_name, last_name, email, phone, birth_date, address, nationality, locale,
                                 professional, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
       ON CONFLICT (email) WHERE email IS NOT NULL DO UPDATE SET
         phone = coalesce(p.phone, excluded.phone),
         birth_date = coalesce(p.birth_date, excluded.birth_date),
         address = coalesce(p.address, excluded.address),
         nationality = coalesce(p.nationality, excluded.nationality),
         professional = coalesce(p.professional, excluded.professional),
         updated_at = CASE
           WHEN (p.phone, p.birth_date, p.address, p.nationality, p.professional) IS NOT DISTINCT FROM
                (coalesce(p.phone, excluded.phone), coalesce(p.birth_date, excluded.birth_date),
                 coalesce(p.address, excluded.address), coalesce(p.nationality, excluded.nationality),
                 coalesce(p.professional, excluded.professional))
           THEN p.updated_at ELSE excluded.updated_at END
       RETURNING id, first_name AS "firstName", last_name AS "lastName", email, locale`,
      [
        fields.firstName,
        fields.lastName,
        fields.email,
        fields.phone,
        fields.birthDate,
        fields.address,
        fields.nationality,
        fields.locale,
        fields.professional,
        now,
      ],
    )) as PersonRef[];
    return row;
  }

  /** Matches by registration key, else creates. A match only fills the details it lacks. */
  async upsertOrganisation(fields: OrganisationFields, now: Date): Promise<string> {
    const [row] = (await this.transactions.manager.query(
      `INSERT INTO organisations AS o (legal_name, registration_number, registration_key, vat_number, address, website,
                                       created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (registration_key) DO UPDATE SET
         vat_number = coalesce(o.vat_number, excluded.vat_number),
         address = coalesce(o.address, excluded.address),
         website = coalesce(o.website, excluded.website),
         updated_at = CASE
           WHEN (o.vat_number, o.address, o.website) IS NOT DISTINCT FROM
                (coalesce(o.vat_number, excluded.vat_number), coalesce(o.address, excluded.address),
                 coalesce(o.website, excluded.website))
           THEN o.updated_at ELSE excluded.updated_at END
       RETURNING id`,
      [
        fields.legalName,
        fields.registrationNumber,
        fields.registrationKey,
        fields.vatNumber,
        fields.address,
        fields.website,
        now,
      ],
    )) as { id: string }[];
    return row.id;
  }

  /** Links a representative unless already linked (an existing link keeps its role). Never the contact. */
  async linkRepresentative(organisationId: string, personId: string, role: string, now: Date): Promise<void> {
    await this.transactions.manager.query(
      `INSERT INTO representations (organisation_id, person_id, role, is_contact, created_at, updated_at)
       VALUES ($1, $2, $3, false, $4, $4)
       ON CONFLICT (organisation_id, person_id) DO NOTHING`,
      [organisationId, personId, role, now],
    );
  }

  /**
   * Makes this (linked) representative the organisation's one contact. Two statements, the old
   * contact cleared first: the one-contact index is checked row by row. The caller holds the
   * organisation's row lock, so two transactions never move the contact at once.
   */
  async makeContact(organisationId: string, personId: string, now: Date): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE representations SET is_contact = false, updated_at = $3
       WHERE organisation_id = $1 AND is_contact AND person_id <> $2`,
      [organisationId, personId, now],
    );
    await this.transactions.manager.query(
      `UPDATE representations SET is_contact = true, updated_at = $3
       WHERE organisation_id = $1 AND person_id = $2 AND NOT is_contact`,
      [organisationId, personId, now],
    );
  }

  findPerson(id: string): Promise<Person | null> {
    return this.transactions.repository(Person).findOneBy({ id });
  }

  lockPerson(id: string): Promise<Person | null> {
    return this.transactions.repository(Person).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  savePerson(person: Person): Promise<Person> {
    return this.transactions.repository(Person).save(person);
  }
}

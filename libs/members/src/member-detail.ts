import { MemberDetailDto, MemberSummaryDto, MemberRepresentativeDto } from './dto/member-response.dto';
import type { MemberDetailRow } from './member.repository';

// What `localeCompare` does, without building a collator on every call (bench/reads profile).
const byText = new Intl.Collator().compare;

/**
 * The detail DTO from the row PostgreSQL built (member-read-sql). Its lists are ordered here, as
 * people read them (`localeCompare`), not in the database's collation.
 */
export function memberDetailOf(row: MemberDetailRow): MemberDetailDto {
  return {
    ...MemberSummaryDto.from(row),
    person: row.person,
    organisation: row.organisation && {
      ...row.organisation,
      representatives: [...row.organisation.representatives].sort(contactFirstThenByName),
    },
    organisationsRepresented: [...row.organisationsRepresented].sort((a, b) => a.legalName.localeCompare(b.legalName)),
    statusHistory: row.statusHistory,
    source: { type: row.sourceType, id: row.sourceId, reference: row.sourceReference },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function contactFirstThenByName(a: MemberRepresentativeDto, b: MemberRepresentativeDto): number {
  return (
    Number(b.isContact) - Number(a.isContact) || byText(a.lastName, b.lastName) || byText(a.firstName, b.firstName)
  );
}

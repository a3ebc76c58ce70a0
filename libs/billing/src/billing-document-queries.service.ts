import { Injectable } from '@nestjs/common';
import { memberIdsActedForSql, type PersonOfParam } from '@tessera/members';
import { BillingDocumentRepository } from './billing-document.repository';
import { BillingDocumentsService, documentNotFound } from './billing-documents.service';
import {
  BillingDocumentDto,
  BillingDocumentSummaryDto,
  type BillingDocumentPageDto,
  type RelatedDocumentDto,
} from './dto/billing-document-response.dto';
import type { ListBillingDocumentsQueryDto, MyBillingDocumentsQueryDto } from './dto/billing-document-query.dto';
import type { BillingDocument } from './entities/billing-document.entity';

/** What the SQL of "the members this person acts for" is named in prepared statements. */
export function membersOf(person: PersonOfParam) {
  return { name: person.name, sql: (placeholder: string) => memberIdsActedForSql(person.sql(placeholder)) };
}

/** Reading documents: the staff's list and detail, and a member's own. */
@Injectable()
export class BillingDocumentQueriesService {
  constructor(
    private readonly documents: BillingDocumentRepository,
    private readonly billing: BillingDocumentsService,
  ) {}

  async list(query: ListBillingDocumentsQueryDto): Promise<BillingDocumentPageDto> {
    const { rows, total, totals } = await this.documents.list({
      kind: query.kind,
      state: query.state,
      memberId: query.memberId,
      overdue: query.overdue,
      issuedFrom: query.issuedFrom,
      issuedTo: query.issuedTo,
      number: query.number,
      today: await this.billing.today(),
      offset: query.offset,
      limit: query.pageSize,
    });
    return {
      items: rows.map(BillingDocumentSummaryDto.fromRow),
      total,
      page: query.page,
      pageSize: query.pageSize,
      totals,
    };
  }

  async get(id: string): Promise<BillingDocumentDto> {
    return this.detailOf(await this.find(id));
  }

  /** The documents of the members `person` (SQL of the signed-in user's person) acts for. */
  async listOwn(person: PersonOfParam, value: unknown, query: MyBillingDocumentsQueryDto) {
    const rows = await this.documents.listForMembers(
      membersOf(person),
      value,
      await this.billing.today(),
      query.pageSize,
      query.offset,
    );
    return {
      items: rows.map(BillingDocumentSummaryDto.fromRow),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** One of the person's own documents; 404 — never 403 — for anybody else's. */
  async getOwn(person: PersonOfParam, value: unknown, id: string): Promise<BillingDocumentDto> {
    await this.assertOwn(person, value, id);
    return this.get(id);
  }

  async assertOwn(person: PersonOfParam, value: unknown, id: string): Promise<void> {
    if (!(await this.documents.isOfMembers(id, membersOf(person), value))) throw documentNotFound();
  }

  async detailOf(document: BillingDocument): Promise<BillingDocumentDto> {
    return BillingDocumentDto.fromEntity(document, await this.relatedOf(document), await this.billing.today());
  }

  async find(id: string): Promise<BillingDocument> {
    const document = await this.documents.findById(id);
    if (!document) throw documentNotFound();
    return document;
  }

  private async relatedOf(document: BillingDocument): Promise<RelatedDocumentDto[]> {
    const related: RelatedDocumentDto[] = [];
    if (document.relatedDocumentId) {
      const [source] = await this.documents.findNumbers([document.relatedDocumentId]);
      if (source) related.push({ ...source, relation: document.kind === 'credit-note' ? 'credits' : 'confirms' });
    }
    for (const later of await this.documents.findRelatedTo(document.id))
      related.push({
        id: later.id,
        kind: later.kind,
        number: later.number,
        relation: later.kind === 'credit-note' ? 'credited-by' : 'confirmed-as',
      });
    return related;
  }
}

import { Injectable } from '@nestjs/common';
import { isoTimestampSql, Transactions } from '@tessera/core';
import type { QuestionnaireDto, QuestionnaireVersionDto } from '../dto/questionnaire.dto';
import type { QuestionnaireContent, QuestionnaireMemberKind } from './questionnaire-content';

/** A questionnaire as the API shows it, built in SQL over `q` and its current version `v`; `$1` is today. */
const QUESTIONNAIRE_COLUMNS = `q.id, v.title, v.introduction, q.version, q.active, v.sections,
  json_build_object('planIds', q.plan_ids, 'memberKinds', q.member_kinds) AS rules,
  q.due_in_days AS "dueInDays",
  (SELECT json_build_object('assigned', count(*), 'submitted', count(*) FILTER (WHERE a.state = 'submitted'),
            'pending', count(*) FILTER (WHERE a.state <> 'submitted'),
            'overdue', count(*) FILTER (WHERE a.state <> 'submitted' AND a.due_date < $1::date))
     FROM questionnaire_assignments a WHERE a.questionnaire_id = q.id) AS progress,
  ${isoTimestampSql('q.created_at')} AS "createdAt", ${isoTimestampSql('q.updated_at')} AS "updatedAt"`;
const FROM = `FROM questionnaires q JOIN questionnaire_versions v ON v.questionnaire_id = q.id AND v.version = q.version`;

export interface QuestionnaireSettings {
  active: boolean;
  planIds: string[];
  memberKinds: QuestionnaireMemberKind[];
  dueInDays: number | null;
}

export interface LockedQuestionnaire extends QuestionnaireSettings {
  id: string;
  version: number;
  content: QuestionnaireContent;
  /** Whether an assignment of the current version has answers (a draft or a submission). */
  answered: boolean;
}

@Injectable()
export class QuestionnaireRepository {
  constructor(private readonly transactions: Transactions) {}

  async page(
    today: string,
    active: boolean | undefined,
    offset: number,
    limit: number,
  ): Promise<[QuestionnaireDto[], number]> {
    const where = active === undefined ? '' : 'WHERE q.active = $4';
    const params: unknown[] = [today, offset, limit, ...(active === undefined ? [] : [active])];
    const rows = (await this.transactions.manager.query(
      `SELECT ${QUESTIONNAIRE_COLUMNS}, count(*) OVER () AS total ${FROM} ${where}
        ORDER BY q.created_at DESC, q.id DESC OFFSET $2 LIMIT $3`,
      params,
    )) as (QuestionnaireDto & { total: string })[];
    const total = rows.length > 0 ? Number(rows[0].total) : await this.count(active);
    return [rows.map(({ total: _total, ...row }) => row), total];
  }

  private async count(active: boolean | undefined): Promise<number> {
    const rows = (await this.transactions.manager.query(
      `SELECT count(*)::int AS n FROM questionnaires ${active === undefined ? '' : 'WHERE active = $1'}`,
      active === undefined ? [] : [active],
    )) as { n: number }[];
    return rows[0].n;
  }

  async find(id: string, today: string): Promise<QuestionnaireDto | null> {
    const rows = (await this.transactions.manager.query(`SELECT ${QUESTIONNAIRE_COLUMNS} ${FROM} WHERE q.id = $2`, [
      today,
      id,
    ])) as QuestionnaireDto[];
    return rows[0] ?? null;
  }

  async insert(content: QuestionnaireContent, settings: QuestionnaireSettings, now: Date): Promise<string> {
    const rows = (await this.transactions.manager.query(
      `WITH q AS (
         INSERT INTO questionnaires (version, active, plan_ids, member_kinds, due_in_days, created_at, updated_at)
         VALUES (1, $1, $2::uuid[], $3::text[], $4, $5, $5) RETURNING id)
       INSERT INTO questionnaire_versions (questionnaire_id, version, title, introduction, sections, created_at)
       SELECT q.id, 1, $6, $7, $8, $5 FROM q RETURNING questionnaire_id AS id`,
      [
        settings.active,
        settings.planIds,
        settings.memberKinds,
        settings.dueInDays,
        now,
        JSON.stringify(content.title),
        JSON.stringify(content.introduction),
        JSON.stringify(content.sections),
      ],
    )) as { id: string }[];
    return rows[0].id;
  }

  /** The questionnaire locked for a change (in the caller's transaction). */
  async lock(id: string): Promise<LockedQuestionnaire | null> {
    const rows = (await this.transactions.manager.query(
      `SELECT q.id, q.version, q.active, q.plan_ids AS "planIds", q.member_kinds AS "memberKinds",
              q.due_in_days AS "dueInDays",
              json_build_object('title', v.title, 'introduction', v.introduction, 'sections', v.sections) AS content,
              EXISTS (SELECT 1 FROM questionnaire_assignments a
                       WHERE a.questionnaire_id = q.id AND a.version = q.version AND a.state <> 'pending') AS answered
         ${FROM} WHERE q.id = $1 FOR UPDATE OF q`,
      [id],
    )) as LockedQuestionnaire[];
    return rows[0] ?? null;
  }

  async updateSettings(id: string, settings: QuestionnaireSettings, now: Date): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE questionnaires SET active = $2, plan_ids = $3::uuid[], member_kinds = $4::text[], due_in_days = $5,
              updated_at = $6 WHERE id = $1`,
      [id, settings.active, settings.planIds, settings.memberKinds, settings.dueInDays, now],
    );
  }

  /** Rewrites the current version (no one has answered it). */
  async replaceContent(id: string, version: number, content: QuestionnaireContent): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE questionnaire_versions SET title = $3, introduction = $4, sections = $5
        WHERE questionnaire_id = $1 AND version = $2`,
      [
        id,
        version,
        JSON.stringify(content.title),
        JSON.stringify(content.introduction),
        JSON.stringify(content.sections),
      ],
    );
  }

  /**
   * Makes `version` the current one with this content; assignments not started (pending, on the
   * version before) move to it, since no answer of theirs refers to the old questions.
   */
  async addVersion(id: string, version: number, content: QuestionnaireContent, now: Date): Promise<void> {
    const manager = this.transactions.manager;
    await manager.query(
      `INSERT INTO questionnaire_versions (questionnaire_id, version, title, introduction, sections, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        id,
        version,
        JSON.stringify(content.title),
        JSON.stringify(content.introduction),
        JSON.stringify(content.sections),
        now,
      ],
    );
    await manager.query(`UPDATE questionnaires SET version = $2, updated_at = $3 WHERE id = $1`, [id, version, now]);
    await manager.query(
      `UPDATE questionnaire_assignments SET version = $2
        WHERE questionnaire_id = $1 AND state = 'pending' AND version = $2 - 1`,
      [id, version],
    );
  }

  async versions(id: string): Promise<QuestionnaireVersionDto[]> {
    return (await this.transactions.manager.query(
      `SELECT v.version, v.title, v.introduction, v.sections,
              (SELECT count(*)::int FROM questionnaire_assignments a
                WHERE a.questionnaire_id = v.questionnaire_id AND a.version = v.version) AS assignments,
              ${isoTimestampSql('v.created_at')} AS "createdAt"
         FROM questionnaire_versions v WHERE v.questionnaire_id = $1 ORDER BY v.version DESC`,
      [id],
    )) as QuestionnaireVersionDto[];
  }
}

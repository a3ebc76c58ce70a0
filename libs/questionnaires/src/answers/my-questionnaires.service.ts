import { Injectable } from '@nestjs/common';
import { Clock, ProblemException, Transactions } from '@tessera/core';
import { memberIdsActedForSql, SignedInPerson } from '@tessera/members';
import type {
  AssignmentDetailDto,
  AssignmentSummaryDto,
  DraftSavedDto,
  MyQuestionnaireListDto,
} from '../dto/assignment.dto';
import type { Section } from '../content/questionnaire-content';
import { nextAssignmentState, type AssignmentEvent } from '../assignments/assignment-state';
import { ASSIGNMENT_FROM, assignmentSummaryColumns } from '../assignments/assignment-read-sql';
import { AssignmentQueriesService } from '../assignments/assignment-queries.service';
import { AssignmentRepository, type LockedAssignment } from '../assignments/assignment.repository';
import { OrganisationToday } from '../organisation-today';
import { assignmentNotFound } from '../questionnaire-problems';
import { checkAnswers } from './answer-rules';

/**
 * A member's questionnaires: those of every membership they act for (their own, and the
 * organisations they are the contact of), drafts saved as they go, answers submitted once.
 */
@Injectable()
export class MyQuestionnairesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly assignments: AssignmentRepository,
    private readonly queries: AssignmentQueriesService,
    private readonly signedIn: SignedInPerson,
    private readonly today: OrganisationToday,
    private readonly clock: Clock,
  ) {}

  async list(userId: string): Promise<MyQuestionnaireListDto> {
    const rows = (await this.transactions.manager.query(
      `SELECT ${assignmentSummaryColumns('$1')} ${ASSIGNMENT_FROM}
        WHERE a.member_id IN ${this.ownMembers('$2')}
        ORDER BY a.state = 'submitted', a.due_date ASC NULLS LAST, a.submitted_at DESC, a.assigned_at DESC, a.id`,
      [await this.today.date(), userId],
    )) as AssignmentSummaryDto[];
    return {
      pending: rows.filter((row) => row.state !== 'submitted'),
      done: rows.filter((row) => row.state === 'submitted'),
    };
  }

  async get(userId: string, assignmentId: string): Promise<AssignmentDetailDto> {
    const [row] = await this.queries.details(`a.id = $2 AND a.member_id IN ${this.ownMembers('$3')}`, [
      assignmentId,
      userId,
    ]);
    if (!row) throw assignmentNotFound();
    return row;
  }

  async saveDraft(userId: string, assignmentId: string, given: Record<string, unknown>): Promise<DraftSavedDto> {
    const now = this.clock.now();
    const answers = await this.transactions.run(async () => {
      const assignment = await this.lockOwn(userId, assignmentId, 'save-draft');
      const checked = checkAnswers(
        await this.sectionsOf(assignment),
        given,
        'draft',
        await this.fileIdsOf(assignmentId),
      );
      if (checked.errors.length > 0) throw ProblemException.validation(checked.errors);
      await this.assignments.saveAnswers(assignmentId, 'draft', checked.answers, now);
      return checked.answers;
    });
    return { state: 'draft', draftSavedAt: now.toISOString(), answers };
  }

  async submit(userId: string, assignmentId: string, given: Record<string, unknown>): Promise<AssignmentDetailDto> {
    await this.transactions.run(async () => {
      const assignment = await this.lockOwn(userId, assignmentId, 'submit');
      const checked = checkAnswers(
        await this.sectionsOf(assignment),
        given,
        'submit',
        await this.fileIdsOf(assignmentId),
      );
      if (checked.errors.length > 0) throw ProblemException.validation(checked.errors);
      await this.assignments.saveAnswers(assignmentId, 'submitted', checked.answers, this.clock.now());
    });
    return this.get(userId, assignmentId);
  }

  /** The member's assignment, locked for `event`: 404 if not theirs, 409 once submitted. */
  async lockOwn(userId: string, assignmentId: string, event: AssignmentEvent | 'upload'): Promise<LockedAssignment> {
    const assignment = await this.assignments.lockOwn(assignmentId, this.ownMembers('$2'), [userId]);
    if (!assignment) throw assignmentNotFound();
    if (!nextAssignmentState(assignment.state, event === 'upload' ? 'save-draft' : event))
      throw ProblemException.conflict('These answers are already submitted.', 'questionnaire-submitted');
    return assignment;
  }

  private ownMembers(userIdPlaceholder: string): string {
    return memberIdsActedForSql(this.signedIn.personOf.sql(userIdPlaceholder));
  }

  private async sectionsOf(assignment: LockedAssignment): Promise<Section[]> {
    const rows = (await this.transactions.manager.query(
      `SELECT sections FROM questionnaire_versions WHERE questionnaire_id = $1 AND version = $2`,
      [assignment.questionnaireId, assignment.version],
    )) as { sections: Section[] }[];
    return rows[0].sections;
  }

  private async fileIdsOf(assignmentId: string): Promise<Set<string>> {
    const rows = (await this.transactions.manager.query(`SELECT id FROM questionnaire_files WHERE assignment_id = $1`, [
      assignmentId,
    ])) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }
}

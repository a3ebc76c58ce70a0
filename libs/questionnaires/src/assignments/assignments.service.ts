import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig, Clock, ProblemException, Transactions, type Principal } from '@tessera/core';
import { MemberPlanListeners, type MemberPlanListener } from '@tessera/members';
import { EmailRenderer } from '@tessera/notifications';
import type { AssignmentResultDto, AssignQuestionnaireDto } from '../dto/assignment.dto';
import { OrganisationToday } from '../organisation-today';
import { myQuestionnairesUrl } from '../portal-links';
import { questionnaireNotFound } from '../questionnaire-problems';
import { QuestionnaireRepository } from '../content/questionnaire.repository';
import { AssignmentRepository } from './assignment.repository';

/**
 * Assigning questionnaires: by hand (members by id, or every member a list filter finds) and by
 * the plan rules when a member joins or changes plan (in that change's transaction).
 */
@Injectable()
export class AssignmentsService implements MemberPlanListener, OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly assignments: AssignmentRepository,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly listeners: MemberPlanListeners,
    private readonly renderer: EmailRenderer,
    private readonly today: OrganisationToday,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.renderer.assertExists('questionnaire-assigned', 'en');
    this.listeners.register(this);
  }

  async onMemberPlan(memberId: string, planId: string): Promise<void> {
    await this.assignments.assignByRules(
      memberId,
      planId,
      await this.today.date(),
      this.clock.now(),
      myQuestionnairesUrl(this.config),
    );
  }

  async assignByHand(id: string, dto: AssignQuestionnaireDto, principal: Principal): Promise<AssignmentResultDto> {
    if ((dto.memberIds === undefined) === (dto.filter === undefined))
      throw ProblemException.validation([{ field: 'memberIds', message: 'give either memberIds or filter' }]);
    return this.transactions.run(async () => {
      const questionnaire = await this.questionnaires.lock(id);
      if (!questionnaire) throw questionnaireNotFound();
      if (!questionnaire.active)
        throw ProblemException.conflict(
          'This questionnaire is inactive: activate it to assign it.',
          'questionnaire-inactive',
        );
      if (dto.memberIds && (await this.assignments.countMembers(dto.memberIds)) !== dto.memberIds.length)
        throw ProblemException.validation([{ field: 'memberIds', message: 'names members that do not exist' }]);
      const members = dto.memberIds ? { ids: dto.memberIds } : { filter: { ...dto.filter, search: dto.filter?.q } };
      const counts = await this.assignments.assignMembers(
        id,
        members,
        dto.dueDate ?? null,
        principal.kind === 'api-key' ? 'api' : 'staff',
        this.clock.now(),
        myQuestionnairesUrl(this.config),
      );
      return { assigned: counts.assigned, alreadyAssigned: counts.offered - counts.assigned };
    });
  }
}

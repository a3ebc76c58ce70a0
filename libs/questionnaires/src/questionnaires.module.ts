import { Module } from '@nestjs/common';
import { ClockModule, StorageModule } from '@tessera/core';
import { MemberListFilters, MembersModule } from '@tessera/members';
import { NotificationsModule } from '@tessera/notifications';
import { PlansModule } from '@tessera/plans';
import { SettingsModule } from '@tessera/settings';
import { AnswersExportService } from './answers/answers-export.service';
import { AssignmentQueriesService } from './assignments/assignment-queries.service';
import { AssignmentRepository } from './assignments/assignment.repository';
import { AssignmentsService } from './assignments/assignments.service';
import { PENDING_QUESTIONNAIRE_FILTER } from './assignments/pending-questionnaire-filter';
import { QuestionnaireRepository } from './content/questionnaire.repository';
import { QuestionnairesService } from './content/questionnaires.service';
import { OrganisationToday } from './organisation-today';
import { QuestionnaireRemindersService } from './reminders/questionnaire-reminders.service';

// Added as this file loads (before any app is built), so the OpenAPI document shows it too.
MemberListFilters.add(PENDING_QUESTIONNAIRE_FILTER);

/**
 * Questionnaires (issue 19): content and versions, assignments (by hand, and by plan rules when a
 * member joins or changes plan: AssignmentsService listens to MembersService), answers, files,
 * the CSV export and the reminders. Imported by the API (QuestionnairesHttpModule adds the
 * member's side, which needs SignedInPerson) and the worker.
 */
@Module({
  imports: [ClockModule, StorageModule, MembersModule, NotificationsModule, PlansModule, SettingsModule],
  providers: [
    OrganisationToday,
    QuestionnaireRepository,
    QuestionnairesService,
    AssignmentRepository,
    AssignmentsService,
    AssignmentQueriesService,
    AnswersExportService,
    QuestionnaireRemindersService,
  ],
  exports: [
    OrganisationToday,
    AssignmentRepository,
    QuestionnairesService,
    AssignmentsService,
    AssignmentQueriesService,
    AnswersExportService,
    QuestionnaireRemindersService,
  ],
})
export class QuestionnairesModule {}

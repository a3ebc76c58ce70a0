import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QuestionnairesModule } from './questionnaires.module';
import {
  QuestionnaireReminderSchedule,
  QuestionnaireReminderTickProcessor,
} from './reminders/questionnaire-reminder.job';
import { QUESTIONNAIRE_REMINDERS_QUEUE } from './reminders/questionnaire-reminders.queue';

/**
 * The daily reminders (apps/worker). Importing QuestionnairesModule also makes members created
 * by the worker's jobs get their plan's questionnaires.
 */
@Module({
  imports: [QuestionnairesModule, BullModule.registerQueue({ name: QUESTIONNAIRE_REMINDERS_QUEUE })],
  providers: [QuestionnaireReminderTickProcessor, QuestionnaireReminderSchedule],
})
export class QuestionnairesWorkerModule {}

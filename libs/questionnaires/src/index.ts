/** Questionnaires (product §11, issue 19). */
export * from './questionnaires.module';
export * from './questionnaires.http.module';
export * from './questionnaires.worker.module';
export * from './questionnaires.schema';
export * from './content/questionnaire-content';
export * from './content/content-rules';
export * from './content/versioning';
export * from './answers/answer-rules';
export * from './assignments/assignment-state';
export * from './dto/questionnaire-content.dto';
export * from './dto/questionnaire.dto';
export * from './dto/assignment.dto';
export { QuestionnairesService } from './content/questionnaires.service';
export { AssignmentsService } from './assignments/assignments.service';
export { QuestionnaireRemindersService } from './reminders/questionnaire-reminders.service';
export * from './reminders/questionnaire-reminders.queue';

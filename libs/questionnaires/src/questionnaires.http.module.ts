import { Module } from '@nestjs/common';
import { MemberQuestionnairesController } from './controllers/member-questionnaires.controller';
import { MyQuestionnairesController } from './controllers/my-questionnaires.controller';
import { QuestionnairesController } from './controllers/questionnaires.controller';
import { QuestionnairesModule } from './questionnaires.module';

/** /questionnaires, /members/{id}/questionnaires and /me/questionnaires. */
@Module({
  imports: [QuestionnairesModule],
  controllers: [QuestionnairesController, MemberQuestionnairesController, MyQuestionnairesController],
})
export class QuestionnairesHttpModule {}

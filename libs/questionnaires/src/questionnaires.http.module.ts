import { Module } from '@nestjs/common';
import { StorageModule, TransactionalFileStorage } from '@tessera/core';
import { MyQuestionnairesService } from './answers/my-questionnaires.service';
import { AnswerFilesService } from './files/answer-files.service';
import { MemberQuestionnairesController } from './controllers/member-questionnaires.controller';
import { MyQuestionnairesController } from './controllers/my-questionnaires.controller';
import { QuestionnairesController } from './controllers/questionnaires.controller';
import { QuestionnairesModule } from './questionnaires.module';

/** /questionnaires, /members/{id}/questionnaires and /me/questionnaires (SignedInPerson from the app). */
@Module({
  imports: [QuestionnairesModule, StorageModule],
  providers: [TransactionalFileStorage, MyQuestionnairesService, AnswerFilesService],
  controllers: [QuestionnairesController, MemberQuestionnairesController, MyQuestionnairesController],
})
export class QuestionnairesHttpModule {}

import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import type { Principal } from '@tessera/core';
import type { CreateQuestionnaireDto } from '../dto/questionnaire.dto';
import { QuestionnairesService } from '../content/questionnaires.service';
import { companySections } from './sample-content';

/** A questionnaire of the sample company content, assigned by these plans' rule. */
export async function createQuestionnaire(
  moduleRef: TestingModule,
  title: string,
  planIds: string[],
  extra: Partial<CreateQuestionnaireDto> = {},
) {
  return moduleRef.get(QuestionnairesService).create({
    title: { en: title, fr: `${title} (fr)` },
    introduction: { en: 'Tell us about you.', fr: 'Parlez-nous de vous.' },
    sections: companySections() as CreateQuestionnaireDto['sections'],
    rules: { planIds, memberKinds: [] },
    dueInDays: 30,
    ...extra,
  });
}

export const staffPrincipal = (userId: string): Principal => ({
  kind: 'user',
  userId,
  sessionId: randomUUID(),
  roles: ['officer'],
});

import { Injectable } from '@nestjs/common';
import { Clock, pageOf, ProblemException, Transactions, type Page } from '@tessera/core';
import { PlansService } from '@tessera/plans';
import type {
  CreateQuestionnaireDto,
  ListQuestionnairesQueryDto,
  QuestionnaireDto,
  QuestionnaireVersionListDto,
  UpdateQuestionnaireDto,
} from '../dto/questionnaire.dto';
import { OrganisationToday } from '../organisation-today';
import { questionnaireNotFound } from '../questionnaire-problems';
import { contentErrors } from './content-rules';
import { normaliseSections } from './normalise-content';
import type { QuestionnaireContent, Section } from './questionnaire-content';
import { QuestionnaireRepository, type QuestionnaireSettings } from './questionnaire.repository';
import { contentEdit } from './versioning';

/** Questionnaires and their versions (officers and admins). */
@Injectable()
export class QuestionnairesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly plans: PlansService,
    private readonly today: OrganisationToday,
    private readonly clock: Clock,
  ) {}

  async list(query: ListQuestionnairesQueryDto): Promise<Page<QuestionnaireDto>> {
    const active = query.active === undefined ? undefined : query.active === 'true';
    const [items, total] = await this.questionnaires.page(
      await this.today.date(),
      active,
      query.offset,
      query.pageSize,
    );
    return pageOf(items, total, query);
  }

  async get(id: string): Promise<QuestionnaireDto> {
    const questionnaire = await this.questionnaires.find(id, await this.today.date());
    if (!questionnaire) throw questionnaireNotFound();
    return questionnaire;
  }

  async create(dto: CreateQuestionnaireDto): Promise<QuestionnaireDto> {
    const content = this.checkedContent(dto.title, dto.introduction, dto.sections);
    const settings: QuestionnaireSettings = {
      active: dto.active ?? true,
      planIds: dto.rules?.planIds ?? [],
      memberKinds: dto.rules?.memberKinds ?? [],
      dueInDays: dto.dueInDays ?? null,
    };
    await this.assertPlansExist(settings.planIds);
    const id = await this.transactions.run(() => this.questionnaires.insert(content, settings, this.clock.now()));
    return this.get(id);
  }

  async update(id: string, dto: UpdateQuestionnaireDto): Promise<QuestionnaireDto> {
    if (dto.rules) await this.assertPlansExist(dto.rules.planIds);
    await this.transactions.run(async () => {
      const current = await this.questionnaires.lock(id);
      if (!current) throw questionnaireNotFound();
      const now = this.clock.now();
      const next = this.checkedContent(
        dto.title ?? current.content.title,
        dto.introduction ?? current.content.introduction,
        dto.sections ?? current.content.sections,
      );
      const edit = contentEdit(current.content, next, current.answered);
      if (edit === 'in-place') await this.questionnaires.replaceContent(id, current.version, next);
      if (edit === 'new-version') await this.questionnaires.addVersion(id, current.version + 1, next, now);
      await this.questionnaires.updateSettings(
        id,
        {
          active: dto.active ?? current.active,
          planIds: dto.rules?.planIds ?? current.planIds,
          memberKinds: dto.rules?.memberKinds ?? current.memberKinds,
          dueInDays: dto.dueInDays === undefined ? current.dueInDays : dto.dueInDays,
        },
        now,
      );
    });
    return this.get(id);
  }

  async versions(id: string): Promise<QuestionnaireVersionListDto> {
    const items = await this.questionnaires.versions(id);
    if (items.length === 0) throw questionnaireNotFound();
    return { items };
  }

  /** The content as stored, or a 400 naming what the DTO's field rules cannot see. */
  private checkedContent(
    title: QuestionnaireContent['title'],
    introduction: QuestionnaireContent['introduction'],
    sections: readonly Section[],
  ): QuestionnaireContent {
    const errors = contentErrors(sections);
    if (errors.length > 0) throw ProblemException.validation(errors);
    return {
      title: { en: title.en, fr: title.fr },
      introduction: { en: introduction.en, fr: introduction.fr },
      sections: normaliseSections(sections),
    };
  }

  private async assertPlansExist(planIds: string[]): Promise<void> {
    const known = await this.plans.namesOf(planIds);
    const errors = planIds
      .map((planId, index) => ({ planId, index }))
      .filter(({ planId }) => !known.has(planId))
      .map(({ index }) => ({ field: `rules.planIds[${index}]`, message: 'is not a plan' }));
    if (errors.length > 0) throw ProblemException.validation(errors);
  }
}

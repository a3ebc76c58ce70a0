import type { INestApplicationContext } from '@nestjs/common';
import { BillingDocumentsService } from '@tessera/billing';
import { AssignmentsService, QuestionnairesService, type CreateQuestionnaireDto } from '@tessera/questionnaires';
import { demoMemberId } from './demo-members';
import { demoStaffPrincipal } from './demo-staff';

type DemoQuestion = CreateQuestionnaireDto['sections'][number]['questions'][number];

const option = (value: string, en: string, fr: string) => ({ value, label: { en, fr } });
/** A question worded in English and French; optional unless `more` says otherwise. */
const ask = (
  key: string,
  kind: DemoQuestion['kind'],
  [en, fr]: [string, string],
  more: Partial<DemoQuestion> = {},
): DemoQuestion => ({ help: null, required: false, ...more, key, kind, label: { en, fr } });

/** A short, active questionnaire in English and French with one question of most kinds and two conditions. */
const DEMO_QUESTIONNAIRE: CreateQuestionnaireDto = {
  title: { en: 'Getting to know you', fr: 'Faisons connaissance' },
  introduction: {
    en: 'A few questions to help us plan the year’s activities. It takes two minutes.',
    fr: 'Quelques questions pour préparer les activités de l’année. Cela prend deux minutes.',
  },
  active: true,
  // Assigned by hand below, not by a plan rule.
  rules: { planIds: [], memberKinds: [] },
  sections: [
    {
      key: 'about-you',
      title: { en: 'About you', fr: 'À propos de vous' },
      questions: [
        ask('heard-from', 'single-choice', ['How did you hear about us?', 'Comment nous avez-vous connus ?'], {
          required: true,
          options: [
            option('friend', 'A friend', 'Un ami'),
            option('web', 'Our website', 'Notre site web'),
            option('event', 'An event', 'Un événement'),
            option('other', 'Something else', 'Autre chose'),
          ],
        }),
        ask('heard-from-other', 'short-text', ['Where, then?', 'Où donc ?'], {
          required: true,
          showIf: { questionKey: 'heard-from', equals: 'other' },
        }),
        ask('interests', 'multiple-choice', ['What interests you?', 'Qu’est-ce qui vous intéresse ?'], {
          options: [
            option('workshops', 'Workshops', 'Les ateliers'),
            option('volunteering', 'Volunteering', 'Le bénévolat'),
            option('newsletter', 'The newsletter', 'La lettre d’information'),
          ],
        }),
      ],
    },
    {
      key: 'helping',
      title: { en: 'Lending a hand', fr: 'Donner un coup de main' },
      questions: [
        ask(
          'volunteer',
          'yes-no',
          ['Would you volunteer at our events?', 'Seriez-vous bénévole lors de nos événements ?'],
          { required: true },
        ),
        ask('hours', 'number', ['Hours a month you could give', 'Heures par mois que vous pourriez donner'], {
          help: { en: 'A rough idea is enough.', fr: 'Un ordre de grandeur suffit.' },
          min: 1,
          max: 40,
          showIf: { questionKey: 'volunteer', equals: true },
        }),
        ask('available-from', 'date', ['Available from', 'Disponible à partir du']),
        ask('comments', 'long-text', ['Anything else you would like to tell us?', 'Autre chose à nous dire ?']),
      ],
    },
  ],
};

/** Due a month after the seed first assigns it. */
const DUE_IN_DAYS = 30;

/**
 * The demo questionnaire, made once (found again by its English title) and assigned by the demo
 * officer to the demo member, who finds it in the portal (assigning again changes nothing).
 */
export async function seedDemoQuestionnaire(app: INestApplicationContext, memberEmail: string): Promise<void> {
  const questionnaires = app.get(QuestionnairesService);
  const title = DEMO_QUESTIONNAIRE.title.en;
  const existing = (await questionnaires.list({ page: 1, pageSize: 200, offset: 0 })).items.find(
    (candidate) => candidate.title.en === title,
  );
  const questionnaire = existing ?? (await questionnaires.create(DEMO_QUESTIONNAIRE));
  console.log(`${existing ? 'Kept' : 'Created'} questionnaire "${title}"`);

  const memberId = await demoMemberId(app, memberEmail);
  const officer = await demoStaffPrincipal(app, 'officer', 'officer@tessera.local');
  const { assigned } = await app
    .get(AssignmentsService)
    .assignByHand(questionnaire.id, { memberIds: [memberId], dueDate: await dueDate(app) }, officer);
  console.log(`${assigned ? 'Assigned' : 'Kept'} "${title}" ${assigned ? 'to' : 'assigned to'} ${memberEmail}`);
}

async function dueDate(app: INestApplicationContext): Promise<string> {
  const today = new Date(`${await app.get(BillingDocumentsService).today()}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() + DUE_IN_DAYS);
  return today.toISOString().slice(0, 10);
}

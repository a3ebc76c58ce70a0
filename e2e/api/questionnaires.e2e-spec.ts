import type { Schemas, TesseraClient } from '@tessera/api-client';
import { createTesseraClient } from '@tessera/api-client';
import { approvedMember } from '../browser/approved-member';
import { parseCsv } from '../support/csv';
import { pdfFile } from '../support/fixtures';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type CreateQuestionnaire = Schemas['CreateQuestionnaireDto'];

const text = (en: string, fr: string) => ({ en, fr });

/** Company survey: has employees? → how many (shown on yes, required), a sector, the statutes (a file). */
const survey = (planId: string): CreateQuestionnaire => ({
  title: text('Company survey', 'Enquête entreprise'),
  introduction: text('A few questions about your company.', 'Quelques questions sur votre entreprise.'),
  rules: { planIds: [planId], memberKinds: [] },
  dueInDays: 14,
  sections: [
    {
      key: 'company',
      title: text('Your company', 'Votre entreprise'),
      questions: [
        {
          key: 'has-employees',
          kind: 'yes-no',
          label: text('Employees?', 'Des employés ?'),
          help: null,
          required: true,
        },
        {
          key: 'employees',
          kind: 'number',
          label: text('How many?', 'Combien ?'),
          help: null,
          required: true,
          min: 1,
          max: 5000,
          showIf: { questionKey: 'has-employees', equals: true },
        },
        {
          key: 'sector',
          kind: 'single-choice',
          label: text('Sector', 'Secteur'),
          help: text('The main one', 'Le principal'),
          required: true,
          options: [
            { value: 'food', label: text('Food', 'Alimentation') },
            { value: 'retail', label: text('Retail', 'Commerce') },
          ],
        },
        { key: 'statutes', kind: 'file', label: text('Statutes', 'Statuts'), help: null, required: false },
      ],
    },
  ],
});

/**
 * Questionnaires over HTTP (issue 19): staff build one with a conditional question and a plan
 * rule, a member approved on the plan gets it (and an e-mail), saves a draft, is refused a
 * submission missing a required answer (400 naming it), uploads a file and submits; staff find
 * who is pending, read the answers and export them as CSV; editing after answers makes version 2.
 */
describe('questionnaires (API over HTTP, worker, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let olga: StaffSession;
  let planId: string;
  let questionnaireId: string;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    olga = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    planId = await createYearlyPlan(admin, { code: 'survey-plan', name: 'Survey membership' });
  });
  afterAll(() => stack.stop());

  async function member(firstName: string) {
    const email = uniqueEmail(firstName.toLowerCase());
    const { token } = await approvedMember(stack, admin, olga, planId, {
      firstName,
      lastName: 'Answerer',
      email,
      password: 'Member-password-2026',
    });
    const client = createTesseraClient({ baseUrl: stack.baseUrl, headers: { Authorization: `Bearer ${token}` } });
    return { client, email, token };
  }

  it('refuses a condition on a later question, naming it, and creates nothing', async () => {
    const body = survey(planId);
    const [first, second] = body.sections[0].questions;
    body.sections[0].questions = [{ ...second }, { ...first }];
    const refused = await olga.client.POST('/api/v1/questionnaires', { body });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toMatchObject({
      errors: [{ field: 'sections[0].questions[0].showIf.questionKey', message: expect.stringMatching(/before/) }],
    });
    expect((await olga.client.GET('/api/v1/questionnaires')).data!.total).toBe(0);
  });

  it('a member approved on the plan answers with a draft, then submits; staff see, filter and export', async () => {
    const created = await olga.client.POST('/api/v1/questionnaires', { body: survey(planId) });
    expect(created.response.status).toBe(201);
    questionnaireId = created.data!.id;
    expect(created.data).toMatchObject({ version: 1, active: true, progress: { assigned: 0 } });

    const ada = await member('Ada');
    const mail = await stack.sink.waitFor(
      (message) => message.to.includes(ada.email) && /questionnaire to answer: Company survey/.test(message.subject),
      { description: 'the questionnaire e-mail', timeoutMs: 20_000 },
    );
    expect(mail.text).toMatch(/\/portal\/questionnaires\/[0-9a-f-]{36}/);

    const mine = (await ada.client.GET('/api/v1/me/questionnaires')).data!;
    expect(mine.done).toEqual([]);
    expect(mine.pending).toHaveLength(1);
    const assignment = mine.pending[0];
    expect(assignment).toMatchObject({ state: 'pending', version: 1, overdue: false, title: { en: 'Company survey' } });
    expect(assignment.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const path = { params: { path: { assignmentId: assignment.id } } };

    const draft = await ada.client.PUT('/api/v1/me/questionnaires/{assignmentId}/draft', {
      ...path,
      body: { answers: { 'has-employees': true } },
    });
    expect(draft.data).toMatchObject({ state: 'draft', answers: { 'has-employees': true } });
    const wrongKind = await ada.client.PUT('/api/v1/me/questionnaires/{assignmentId}/draft', {
      ...path,
      body: { answers: { employees: 'twelve' } },
    });
    expect(wrongKind.response.status).toBe(400);
    expect(wrongKind.error).toMatchObject({
      errors: [{ field: 'answers.employees', message: 'must be a number', code: 'number' }],
    });
    const detail = (await ada.client.GET('/api/v1/me/questionnaires/{assignmentId}', path)).data!;
    expect(detail).toMatchObject({ state: 'draft', answers: { 'has-employees': true } });
    expect(detail.sections[0].questions.map((question) => question.key)).toEqual([
      'has-employees',
      'employees',
      'sector',
      'statutes',
    ]);

    // Staff find who still owes an answer, by this questionnaire and by any.
    const pending = await olga.client.GET('/api/v1/members', {
      params: { query: { pendingQuestionnaire: questionnaireId } },
    });
    expect(pending.data!.items.map((item) => item.email)).toEqual([ada.email]);
    const anyPending = await olga.client.GET('/api/v1/members', { params: { query: { pendingQuestionnaire: 'any' } } });
    expect(anyPending.data!.total).toBe(1);

    const missing = await ada.client.POST('/api/v1/me/questionnaires/{assignmentId}/submit', {
      ...path,
      body: { answers: { 'has-employees': true, sector: 'food' } },
    });
    expect(missing.response.status).toBe(400);
    expect(missing.error).toMatchObject({ errors: [{ field: 'answers.employees', message: 'is required' }] });
    expect((await ada.client.GET('/api/v1/me/questionnaires/{assignmentId}', path)).data!.state).toBe('draft');

    // The file question: upload (checked by content as application documents are), then answer with its id.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdfFile())], { type: 'application/pdf' }), 'statutes.pdf');
    const upload = await fetch(`${stack.baseUrl}/api/v1/me/questionnaires/${assignment.id}/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ada.token}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const { fileId } = (await upload.json()) as { fileId: string };
    const notPdf = new FormData();
    notPdf.append('file', new Blob(['<svg/>'], { type: 'application/pdf' }), 'fake.pdf');
    const refusedFile = await fetch(`${stack.baseUrl}/api/v1/me/questionnaires/${assignment.id}/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ada.token}` },
      body: notPdf,
    });
    expect(refusedFile.status).toBe(415);

    const answers = { 'has-employees': true, employees: 12, sector: 'food', statutes: fileId };
    const [submitted, twice] = await Promise.all([
      ada.client.POST('/api/v1/me/questionnaires/{assignmentId}/submit', { ...path, body: { answers } }),
      ada.client.POST('/api/v1/me/questionnaires/{assignmentId}/submit', { ...path, body: { answers } }),
    ]);
    expect([submitted.response.status, twice.response.status].sort()).toEqual([200, 409]);
    const done = (await ada.client.GET('/api/v1/me/questionnaires')).data!;
    expect(done.pending).toEqual([]);
    expect(done.done[0]).toMatchObject({ id: assignment.id, state: 'submitted' });

    // Another member cannot read it, nor download its file; she can, and so can staff.
    const bob = await member('Bob');
    expect((await bob.client.GET('/api/v1/me/questionnaires/{assignmentId}', path)).response.status).toBe(404);
    const ownFile = `${stack.baseUrl}/api/v1/me/questionnaires/${assignment.id}/files/${fileId}`;
    const othersFile = await fetch(ownFile, { headers: { Authorization: `Bearer ${bob.token}` } });
    expect(othersFile.status).toBe(404);
    expect(await othersFile.json()).toMatchObject({ type: 'urn:tessera:problem:answer-file-not-found' });
    const downloaded = await fetch(ownFile, { headers: { Authorization: `Bearer ${ada.token}` } });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('content-disposition')).toContain('statutes.pdf');
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(pdfFile())).toBe(true);
    const staffFile = await fetch(
      `${stack.baseUrl}/api/v1/questionnaires/${questionnaireId}/assignments/${assignment.id}/files/${fileId}`,
      { headers: { Authorization: `Bearer ${olga.token}` } },
    );
    expect(Buffer.from(await staffFile.arrayBuffer()).equals(pdfFile())).toBe(true);

    // Staff: progress, the assignment with answers, the member's questionnaires, the CSV.
    const read = (await olga.client.GET('/api/v1/questionnaires/{id}', { params: { path: { id: questionnaireId } } }))
      .data!;
    expect(read.progress).toEqual({ assigned: 2, submitted: 1, pending: 1, overdue: 0 });
    const submittedList = await olga.client.GET('/api/v1/questionnaires/{id}/assignments', {
      params: { path: { id: questionnaireId }, query: { state: 'submitted' } },
    });
    expect(submittedList.data!.items.map((item) => item.member.name)).toEqual(['Ada Answerer']);
    const staffDetail = await olga.client.GET('/api/v1/questionnaires/{id}/assignments/{assignmentId}', {
      params: { path: { id: questionnaireId, assignmentId: assignment.id } },
    });
    expect(staffDetail.data).toMatchObject({ answers, files: [{ fileId, filename: 'statutes.pdf' }] });
    const memberId = staffDetail.data!.member.id;
    const ofMember = await olga.client.GET('/api/v1/members/{id}/questionnaires', {
      params: { path: { id: memberId } },
    });
    expect(ofMember.data!.items).toHaveLength(1);
    expect(
      (
        await olga.client.GET('/api/v1/members', { params: { query: { pendingQuestionnaire: questionnaireId } } })
      ).data!.items.map((item) => item.email),
    ).toEqual([bob.email]);
    // The members export filters alike; a filter that is neither `any` nor an id is a 400.
    const exported = await fetch(`${stack.baseUrl}/api/v1/members/export.csv?pendingQuestionnaire=${questionnaireId}`, {
      headers: { Authorization: `Bearer ${olga.token}` },
    });
    const exportedRows = parseCsv((await exported.text()).replace(/^\uFEFF/, ''));
    expect(exportedRows.slice(1).map((row) => row[2])).toEqual([bob.email]);
    const bad = await olga.client.GET('/api/v1/members', { params: { query: { pendingQuestionnaire: 'some' } } });
    expect(bad.response.status).toBe(400);

    const csv = await fetch(`${stack.baseUrl}/api/v1/questionnaires/${questionnaireId}/answers.csv`, {
      headers: { Authorization: `Bearer ${olga.token}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      'Number',
      'Name',
      'Version',
      'Submitted at',
      'has-employees',
      'employees',
      'sector',
      'statutes',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(1)).toEqual(['Ada Answerer', '1', expect.any(String), 'yes', '12', 'food', 'statutes.pdf']);
  });

  it('editing after answers makes version 2; the answers keep version 1', async () => {
    const changed = survey(planId).sections;
    changed[0].questions[2].required = false;
    const patched = await olga.client.PATCH('/api/v1/questionnaires/{id}', {
      params: { path: { id: questionnaireId } },
      body: { sections: changed },
    });
    expect(patched.data).toMatchObject({ version: 2 });
    const versions = await olga.client.GET('/api/v1/questionnaires/{id}/versions', {
      params: { path: { id: questionnaireId } },
    });
    expect(versions.data!.items.map((version) => version.version)).toEqual([2, 1]);
    const submitted = await olga.client.GET('/api/v1/questionnaires/{id}/assignments', {
      params: { path: { id: questionnaireId }, query: { state: 'submitted' } },
    });
    expect(submitted.data!.items[0].version).toBe(1);
  });

  it('an API key with questionnaires:write assigns by filter; one without is refused', async () => {
    const writer = await admin.POST('/api/v1/api-keys', {
      body: { name: 'CRM', scopes: ['questionnaires:write', 'questionnaires:read'] },
    });
    const reader = await admin.POST('/api/v1/api-keys', { body: { name: 'Reader', scopes: ['members:read'] } });
    const crm = createTesseraClient({ baseUrl: stack.baseUrl, headers: { 'X-Api-Key': writer.data!.key } });
    const other = createTesseraClient({ baseUrl: stack.baseUrl, headers: { 'X-Api-Key': reader.data!.key } });
    const created = await olga.client.POST('/api/v1/questionnaires', {
      body: { ...survey(planId), rules: { planIds: [], memberKinds: [] }, title: text('Consent', 'Consentement') },
    });
    const id = created.data!.id;
    const refused = await other.POST('/api/v1/questionnaires/{id}/assignments', {
      params: { path: { id } },
      body: { filter: { planId } },
    });
    expect(refused.response.status).toBe(403);
    const assigned = await crm.POST('/api/v1/questionnaires/{id}/assignments', {
      params: { path: { id } },
      body: { filter: { planId }, dueDate: '2030-01-31' },
    });
    expect(assigned.data).toEqual({ assigned: 2, alreadyAssigned: 0 });
    const again = await crm.POST('/api/v1/questionnaires/{id}/assignments', {
      params: { path: { id } },
      body: { filter: { planId } },
    });
    expect(again.data).toEqual({ assigned: 0, alreadyAssigned: 2 });
    const listed = await crm.GET('/api/v1/questionnaires/{id}/assignments', { params: { path: { id } } });
    expect(listed.data!.items.every((item) => item.dueDate === '2030-01-31')).toBe(true);
  });
});

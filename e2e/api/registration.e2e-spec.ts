import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Schemas, TesseraClient } from '@tessera/api-client';
import { solveCaptcha } from '@tessera/testing';
import { jsonPart, nextIp, postApplication, type Answer, type Part } from '../support/applications';
import { jpegFile, MiB, padTo, pdfFile, pngFile, svgFile } from '../support/fixtures';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

/**
 * Registration, the backend part: plans, the public multipart form with its captcha and files,
 * the staff's list, detail, downloads and cancellation — and every kind of bad input refused
 * with nothing stored.
 */

const address = { line1: '12 Rue de la Loi', postalCode: '1000', city: 'Brussels', country: 'BE' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('registration (API over HTTP, real SMTP sink, files on disk)', () => {
  let stack: Stack;
  let asAdmin: TesseraClient;
  let adminToken: string;
  let storageDir: string;
  const previousStorageDir = process.env.STORAGE_DIR;
  const plan = { individual: '', organisation: '', student: '', inactive: '' };

  beforeAll(async () => {
    // Files of this journey only, so "nothing stored" can be counted on disk.
    storageDir = mkdtempSync(join(tmpdir(), 'tessera-registration-e2e-'));
    process.env.STORAGE_DIR = storageDir;
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    adminToken = session.data!.accessToken;
    asAdmin = authorized(stack, adminToken);

    plan.individual = await createPlan({
      code: 'individual',
      name: 'Individual membership',
      applicantKinds: ['individual'],
      price: { amount: 6000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      graceDays: 30,
      sortOrder: 10,
    });
    plan.organisation = await createPlan({
      code: 'organisation',
      name: 'Organisation membership',
      applicantKinds: ['organisation'],
      price: { amount: 48000, currency: 'eur' },
      period: { count: 1, unit: 'year' },
      taxRateBps: 2100,
      billingAnchor: 'calendar',
      calendarAnchor: { month: 1, day: 1 },
      prorateFirstPeriod: true,
      sortOrder: 30,
    });
    plan.student = await createPlan({
      code: 'student',
      name: 'Student membership',
      applicantKinds: ['individual'],
      price: { amount: 0, currency: 'EUR' },
      period: { count: 6, unit: 'month' },
      sortOrder: 20,
    });
    plan.inactive = await createPlan({
      code: 'legacy',
      name: 'Legacy plan',
      applicantKinds: ['individual', 'organisation'],
      price: { amount: 1000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      active: false,
    });
  });

  afterAll(async () => {
    await stack.stop();
    process.env.STORAGE_DIR = previousStorageDir;
  });

  async function createPlan(body: Schemas['CreatePlanDto']): Promise<string> {
    const created = await asAdmin.POST('/api/v1/plans', { body });
    expect(created.response.status).toBe(201);
    return created.data!.id;
  }

  const submit = (parts: Part[], headers: Record<string, string> = {}): Promise<Answer> =>
    postApplication(stack.baseUrl, parts, headers);

  const person = (email: string, overrides: Record<string, unknown> = {}) => ({
    firstName: 'Ada',
    lastName: 'Lovelace',
    email,
    phone: '+32 470 12 34 56',
    birthDate: '1990-12-10',
    address,
    nationality: 'GB',
    ...overrides,
  });

  const individualJson = (email: string, overrides: Record<string, unknown> = {}) => ({
    kind: 'individual',
    planId: plan.individual,
    locale: 'fr',
    consent: { terms: true, privacy: true },
    person: person(email),
    professional: {
      occupation: 'Engineer',
      employer: 'Analytical Engines',
      jobTitle: 'Programmer',
      yearsOfExperience: 12,
    },
    ...overrides,
  });

  const organisationJson = (contactEmail: string, registrationNumber: string) => ({
    kind: 'organisation',
    planId: plan.organisation,
    locale: 'en',
    consent: { terms: true, privacy: true },
    organisation: {
      legalName: 'Analytical Engines SA',
      registrationNumber,
      vatNumber: 'BE0123456789',
      address,
      website: 'https://engines.example',
      representatives: [
        {
          firstName: 'Charles',
          lastName: 'Babbage',
          email: uniqueEmail('babbage'),
          role: 'Director',
          isContact: false,
        },
        {
          firstName: 'Grace',
          lastName: 'Hopper',
          email: contactEmail,
          phone: '+32 2 513 89 40',
          role: 'Secretary',
          isContact: true,
        },
      ],
    },
  });

  const json = jsonPart;
  const file = (field: string, value: Buffer, filename: string, type = 'application/octet-stream'): Part => ({
    field,
    value,
    filename,
    type,
  });
  const signature = () => file('signature', pngFile(300, 100, [0, 0, 0]), 'signature.png', 'image/png');
  const photo = () => file('photo', jpegFile(120, 160), 'me.jpg', 'image/jpeg');
  const captcha = async (): Promise<Part> => ({ field: 'altcha', value: await solveCaptcha(stack.baseUrl) });

  /** Files in this journey's STORAGE_DIR. */
  const storedFiles = () =>
    readdirSync(storageDir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).length;

  /** What is stored: applications (through the list), files on disk and e-mails in the mail log. */
  async function stored() {
    await stack.intakesSettled();
    const applications = await asAdmin.GET('/api/v1/applications', { params: { query: { pageSize: 1 } } });
    const emails = await asAdmin.GET('/api/v1/emails', { params: { query: { pageSize: 1 } } });
    return { applications: applications.data!.total, files: storedFiles(), emails: emails.data!.total };
  }

  async function detailOf(id: string) {
    const detail = await asAdmin.GET('/api/v1/applications/{id}', { params: { path: { id } } });
    expect(detail.response.status).toBe(200);
    return detail.data!;
  }

  async function download(applicationId: string, fileId: string, query = '') {
    const response = await fetch(`${stack.baseUrl}/api/v1/applications/${applicationId}/files/${fileId}${query}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  describe('plans', () => {
    it('lists active plans by sort order for anyone; inactive ones for admins only', async () => {
      const listed = await stack.client.GET('/api/v1/plans');
      expect(listed.response.status).toBe(200);
      expect(listed.data!.items.map((item) => item.code)).toEqual(['individual', 'student', 'organisation']);
      expect(listed.data!.items[2]).toEqual({
        id: plan.organisation,
        code: 'organisation',
        name: 'Organisation membership',
        description: '',
        applicantKinds: ['organisation'],
        price: { amount: 48000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        graceDays: 0,
        lapseDays: 90,
        active: true,
        approvalFlowId: null,
        documentsRequired: 0,
        documentsHint: null,
        taxRateBps: 2100,
        billingAnchor: 'calendar',
        calendarAnchor: { month: 1, day: 1 },
        prorateFirstPeriod: true,
        renewalLeadDays: 30,
        sortOrder: 30,
      });

      const anonymous = await stack.client.GET('/api/v1/plans', { params: { query: { includeInactive: true } } });
      expect(anonymous.response.status).toBe(403);
      const all = await asAdmin.GET('/api/v1/plans', { params: { query: { includeInactive: true } } });
      expect(all.data!.items.map((item) => item.code)).toEqual(['legacy', 'individual', 'student', 'organisation']);
    });

    it('lets admins create and change plans; a taken code is a 409, bad values a 400', async () => {
      const body = {
        code: 'family',
        name: 'Family',
        applicantKinds: ['individual' as const],
        price: { amount: 9000, currency: 'EUR' },
        period: { count: 1, unit: 'year' as const },
      };
      expect((await stack.client.POST('/api/v1/plans', { body })).response.status).toBe(401);
      const created = await asAdmin.POST('/api/v1/plans', { body });
      expect(created.response.status).toBe(201);
      expect(created.data).toMatchObject({ code: 'family', active: true, graceDays: 0, sortOrder: 0 });

      const duplicate = await asAdmin.POST('/api/v1/plans', { body: { ...body, name: 'Another' } });
      expect(duplicate.response.status).toBe(409);
      expect(duplicate.error).toMatchObject({ type: 'urn:tessera:problem:plan-code-taken' });

      const bad = await asAdmin.POST('/api/v1/plans', {
        body: { ...body, code: 'Not A Slug', price: { amount: -1, currency: 'EURO' }, applicantKinds: [] },
      });
      expect(bad.response.status).toBe(400);
      expect(bad.error!.errors!.map((error) => error.field)).toEqual(
        expect.arrayContaining(['code', 'price.amount', 'price.currency', 'applicantKinds']),
      );

      const billing = await asAdmin.POST('/api/v1/plans', {
        body: {
          ...body,
          code: 'family-billing',
          taxRateBps: 10001,
          billingAnchor: 'calendar',
          calendarAnchor: { month: 13, day: 29 },
          renewalLeadDays: 366,
        },
      });
      expect(billing.response.status).toBe(400);
      expect(billing.error!.errors!.map((error) => error.field).sort()).toEqual([
        'calendarAnchor.day',
        'calendarAnchor.month',
        'renewalLeadDays',
        'taxRateBps',
      ]);
      const inconsistent = await asAdmin.POST('/api/v1/plans', {
        body: { ...body, code: 'family-billing', billingAnchor: 'calendar', prorateFirstPeriod: true },
      });
      expect(inconsistent.response.status).toBe(400);
      expect(inconsistent.error!.errors).toEqual([
        expect.objectContaining({ field: 'calendarAnchor', message: 'is required for a calendar plan' }),
      ]);

      const id = created.data!.id;
      const calendar = await asAdmin.PATCH('/api/v1/plans/{id}', {
        params: { path: { id } },
        body: { taxRateBps: 600, billingAnchor: 'calendar', calendarAnchor: { month: 9, day: 1 } },
      });
      expect(calendar.data).toMatchObject({
        taxRateBps: 600,
        billingAnchor: 'calendar',
        calendarAnchor: { month: 9, day: 1 },
        prorateFirstPeriod: false,
      });
      const joinDate = await asAdmin.PATCH('/api/v1/plans/{id}', {
        params: { path: { id } },
        body: { billingAnchor: 'join-date' },
      });
      expect(joinDate.data).toMatchObject({ billingAnchor: 'join-date', calendarAnchor: null, taxRateBps: 600 });
      const changed = await asAdmin.PATCH('/api/v1/plans/{id}', {
        params: { path: { id } },
        body: { price: { amount: 9500, currency: 'EUR' }, active: false, approvalFlowId: null },
      });
      expect(changed.response.status).toBe(200);
      expect(changed.data).toMatchObject({ code: 'family', name: 'Family', price: { amount: 9500 }, active: false });
      const clash = await asAdmin.PATCH('/api/v1/plans/{id}', { params: { path: { id } }, body: { code: 'student' } });
      expect(clash.response.status).toBe(409);
      const nulled = await asAdmin.PATCH('/api/v1/plans/{id}', {
        params: { path: { id } },
        body: { name: null } as unknown as { name: string },
      });
      expect(nulled.response.status).toBe(400);
      const missing = await asAdmin.PATCH('/api/v1/plans/{id}', {
        params: { path: { id: randomUUID() } },
        body: { name: 'x' },
      });
      expect(missing.response.status).toBe(404);
    });
  });

  describe('a valid individual application from the public form', () => {
    const email = uniqueEmail('ada');
    const diploma = pdfFile('Diploma of Ada Lovelace');
    const scan = pngFile(200, 100, [200, 30, 30]);
    const photoBytes = jpegFile(120, 160);
    let created: { id: string; reference: string };

    it('is accepted: 201 with its reference', async () => {
      const answer = await submit([
        json(individualJson(email.toUpperCase())),
        await captcha(),
        file('documents', diploma, 'Diplôme d’ingénieur.pdf', 'application/pdf'),
        // A PNG named .pdf: the bytes decide, so it is stored as the PNG it is.
        file('documents', scan, 'scan.pdf', 'application/pdf'),
        file('photo', photoBytes, 'me.jpg', 'image/jpeg'),
        signature(),
      ]);
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        id: expect.any(String),
        reference: expect.stringMatching(/^APP-\d{4}-\d{6}$/),
        status: 'submitted',
      });
      created = answer.body as typeof created;
    });

    it('sends the confirmation e-mail in the applicant’s language', async () => {
      const message = await stack.sink.waitFor((m) => m.to.includes(email), {
        description: `the confirmation to ${email}`,
        timeoutMs: 10_000,
      });
      expect(message.subject).toBe(`Nous avons reçu votre demande d’adhésion ${created.reference}`);
      expect(message.text).toContain('Bonjour Ada Lovelace,');
      expect(message.text).toContain('Individual membership');
      expect(message.text).toContain(created.reference);
    });

    it('shows in the staff list, found by reference, name or e-mail', async () => {
      for (const q of [created.reference, 'lovelace', email.toUpperCase()]) {
        const page = await asAdmin.GET('/api/v1/applications', { params: { query: { q } } });
        expect(page.data!.items.map((item) => item.id)).toContain(created.id);
      }
      const page = await asAdmin.GET('/api/v1/applications', { params: { query: { q: created.reference } } });
      expect(page.data).toEqual({
        items: [
          {
            id: created.id,
            reference: created.reference,
            kind: 'individual',
            status: 'submitted',
            applicantName: 'Ada Lovelace',
            email,
            planId: plan.individual,
            planName: 'Individual membership',
            source: 'online',
            submittedAt: expect.any(String),
          },
        ],
        total: 1,
        page: 1,
        pageSize: 20,
      });
      const percent = await asAdmin.GET('/api/v1/applications', { params: { query: { q: '%' } } });
      expect(percent.data!.total).toBe(0);
    });

    it('shows in full in the detail, with the files as detected and the history', async () => {
      const detail = await detailOf(created.id);
      expect(detail).toMatchObject({
        reference: created.reference,
        status: 'submitted',
        locale: 'fr',
        source: 'online',
        person: { ...person(email), email },
        professional: { occupation: 'Engineer', employer: 'Analytical Engines', yearsOfExperience: 12 },
        organisation: null,
        consent: { terms: true, privacy: true, consentedAt: detail.submittedAt },
        history: [
          {
            type: 'submitted',
            fromStatus: null,
            toStatus: 'submitted',
            actor: { kind: 'applicant', id: null, name: null },
            reason: null,
          },
        ],
      });
      expect(detail.files.map(({ id: _id, ...rest }) => rest)).toEqual([
        { role: 'document', filename: 'Diplôme d’ingénieur.pdf', contentType: 'application/pdf', size: diploma.length },
        {
          role: 'document',
          filename: 'scan.png',
          contentType: 'image/png',
          size: scan.length,
          width: 200,
          height: 100,
        },
        {
          role: 'photo',
          filename: 'me.jpg',
          contentType: 'image/jpeg',
          size: photoBytes.length,
          width: 120,
          height: 160,
        },
        {
          role: 'signature',
          filename: 'signature.png',
          contentType: 'image/png',
          size: expect.any(Number),
          width: 300,
          height: 100,
        },
      ]);
    });

    it('gives the staff each file back byte for byte, as a safe attachment', async () => {
      const [document, png, image] = (await detailOf(created.id)).files;
      const pdf = await download(created.id, document.id);
      expect(pdf.response.status).toBe(200);
      expect(sha256(pdf.bytes)).toBe(sha256(diploma));
      expect(pdf.response.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.response.headers.get('content-disposition')).toBe(
        `attachment; filename="Dipl_me d_ing_nieur.pdf"; filename*=UTF-8''Dipl%C3%B4me%20d%E2%80%99ing%C3%A9nieur.pdf`,
      );
      expect(pdf.response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(pdf.response.headers.get('cache-control')).toBe('private, no-store');
      expect(pdf.response.headers.get('content-length')).toBe(String(diploma.length));

      const renamed = await download(created.id, png.id);
      expect(renamed.response.headers.get('content-type')).toBe('image/png');
      expect(renamed.bytes.equals(scan)).toBe(true);

      const inline = await download(created.id, image.id, '?inline=1');
      expect(inline.response.headers.get('content-disposition')).toMatch(/^inline; filename="me.jpg"/);
      expect(inline.bytes.equals(photoBytes)).toBe(true);
      const pdfInline = await download(created.id, document.id, '?inline=1');
      expect(pdfInline.response.headers.get('content-disposition')).toMatch(/^attachment;/);
    });

    it('answers 404 for unknown ids, malformed ids, and a file of another application', async () => {
      const [document] = (await detailOf(created.id)).files;
      const other = await submit([
        json(organisationJson(uniqueEmail('other'), 'OTHER-1')),
        await captcha(),
        signature(),
      ]);
      expect(other.status).toBe(201);
      const otherId = other.body.id as string;
      expect((await download(otherId, document.id)).response.status).toBe(404);
      expect((await download(created.id, randomUUID())).response.status).toBe(404);
      expect((await download(created.id, 'not-a-uuid')).response.status).toBe(404);
      const unknown = await asAdmin.GET('/api/v1/applications/{id}', { params: { path: { id: randomUUID() } } });
      expect(unknown.response.status).toBe(404);
      expect(unknown.error).toMatchObject({ type: 'urn:tessera:problem:application-not-found' });
      expect(
        (await asAdmin.GET('/api/v1/applications/{id}', { params: { path: { id: 'APP-1' } } })).response.status,
      ).toBe(404);
    });

    it('is for staff only', async () => {
      expect((await stack.client.GET('/api/v1/applications')).response.status).toBe(401);
      const anonymous = await fetch(`${stack.baseUrl}/api/v1/applications/${created.id}`);
      expect(anonymous.status).toBe(401);
    });
  });

  it('accepts a valid organisation application and writes to its contact in English', async () => {
    const contact = uniqueEmail('grace');
    const answer = await submit([
      json(organisationJson(contact, 'BE 0987.654.321')),
      await captcha(),
      file('documents', pdfFile('Statutes'), 'statutes.pdf', 'application/pdf'),
      file('documents', jpegFile(64, 64), 'extract.jpg', 'image/jpeg'),
      file('photo', pngFile(150, 150), 'logo.png', 'image/png'),
      signature(),
    ]);
    expect(answer.status).toBe(201);
    const id = answer.body.id as string;

    const message = await stack.sink.waitFor((m) => m.to.includes(contact), {
      description: `the confirmation to ${contact}`,
      timeoutMs: 10_000,
    });
    expect(message.subject).toBe(`We received your membership application ${answer.body.reference as string}`);
    expect(message.text).toContain('Hello Grace Hopper,');

    const page = await asAdmin.GET('/api/v1/applications', {
      params: {
        query: { kind: 'organisation', q: 'analytical engines', status: 'submitted', planId: plan.organisation },
      },
    });
    expect(page.data!.items.find((item) => item.id === id)).toMatchObject({
      applicantName: 'Analytical Engines SA',
      email: contact,
      kind: 'organisation',
    });
    const detail = await detailOf(id);
    expect(detail.person).toBeNull();
    expect(detail.organisation).toMatchObject({
      legalName: 'Analytical Engines SA',
      registrationNumber: 'BE 0987.654.321',
    });
    expect(detail.organisation!.representatives).toHaveLength(2);
    expect(detail.files.map((f) => [f.role, f.contentType])).toEqual([
      ['document', 'application/pdf'],
      ['document', 'image/jpeg'],
      ['photo', 'image/png'],
      ['signature', 'image/png'],
    ]);
  });

  it('lets officers and admins, and API keys with applications:write, apply without captcha or signature', async () => {
    const staff = await submit([json(individualJson(uniqueEmail('staff-entered'), { locale: 'en' }))], {
      authorization: `Bearer ${adminToken}`,
    });
    expect(staff.status).toBe(201);
    expect((await detailOf(staff.body.id as string)).source).toBe('staff');

    const key = await asAdmin.POST('/api/v1/api-keys', { body: { name: 'Website', scopes: ['applications:write'] } });
    const viaApi = await submit([json(individualJson(uniqueEmail('integrator'), { planId: plan.student }))], {
      'x-api-key': key.data!.key,
    });
    expect(viaApi.status).toBe(201);
    const detail = await detailOf(viaApi.body.id as string);
    expect(detail).toMatchObject({ source: 'api', planName: 'Student membership' });
    expect(detail.history[0].actor).toEqual({ kind: 'api-key', id: key.data!.id, name: null });

    const readOnly = await asAdmin.POST('/api/v1/api-keys', { body: { name: 'CRM', scopes: ['members:read'] } });
    const before = await stored();
    const refused = await submit([json(individualJson(uniqueEmail('crm')))], { 'x-api-key': readOnly.data!.key });
    expect(refused.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('takes an application without files as an application/json body from staff and API keys', async () => {
    const postJson = (body: unknown, headers: Record<string, string>) =>
      fetch(`${stack.baseUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const staffEmail = uniqueEmail('json-staff');
    const staff = await postJson(individualJson(staffEmail), { authorization: `Bearer ${adminToken}` });
    expect(staff.status).toBe(201);
    const created = (await staff.json()) as { id: string; reference: string; status: string };
    expect(created).toMatchObject({ reference: expect.stringMatching(/^APP-\d{4}-\d{6}$/), status: 'submitted' });
    expect(await detailOf(created.id)).toMatchObject({ source: 'staff', email: staffEmail, files: [] });

    const key = await asAdmin.POST('/api/v1/api-keys', { body: { name: 'Shop', scopes: ['applications:write'] } });
    const viaApi = await postJson(individualJson(uniqueEmail('json-api')), { 'x-api-key': key.data!.key });
    expect(viaApi.status).toBe(201);
    expect(await detailOf(((await viaApi.json()) as { id: string }).id)).toMatchObject({ source: 'api' });

    // Bad fields are named as in the form's `application` part, and nothing is stored.
    const before = await stored();
    const invalid = await postJson(
      { ...individualJson(uniqueEmail('json-bad')), person: { firstName: 'Ada' } },
      { authorization: `Bearer ${adminToken}` },
    );
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['application.person.lastName', 'application.person.email']),
    );
    const notAnObject = await postJson([1, 2], { authorization: `Bearer ${adminToken}` });
    expect(notAnObject.status).toBe(400);
    const noBody = await fetch(`${stack.baseUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(noBody.status).toBe(415);
    expect(await stored()).toEqual(before);
  });

  describe('refuses bad input with a problem, and stores nothing', () => {
    const email = () => uniqueEmail('bad');

    async function expectRefused(
      parts: Part[] | (() => Promise<Part[]>),
      expected: { status: number; type: string; fields?: string[] },
      headers: Record<string, string> = {},
    ): Promise<Answer> {
      const before = await stored();
      const answer = await submit(typeof parts === 'function' ? await parts() : parts, headers);
      expect({ status: answer.status, type: answer.body.type }).toEqual({
        status: expected.status,
        type: `urn:tessera:problem:${expected.type}`,
      });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      if (expected.fields)
        expect(answer.body.errors?.map((error) => error.field)).toEqual(expect.arrayContaining(expected.fields));
      expect(await stored()).toEqual(before);
      return answer;
    }

    it('an anonymous application/json body (the public form must be multipart): 415', async () => {
      const before = await stored();
      const response = await fetch(`${stack.baseUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
        body: JSON.stringify(individualJson(email())),
      });
      expect(response.status).toBe(415);
      expect(await stored()).toEqual(before);
    });

    it("a plan that requires documents, without them: 400 on `documents`, with the plan's hint", async () => {
      const planId = await createPlan({
        code: 'student-with-proof',
        name: 'Student membership (proof required)',
        applicantKinds: ['individual'],
        price: { amount: 0, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        documentsRequired: 1,
        documentsHint: 'Proof of enrolment',
      });
      const answer = await expectRefused([json(individualJson(email(), { planId })), signature()], {
        status: 400,
        type: 'validation',
        fields: ['documents'],
      });
      expect(answer.body.errors).toContainEqual({
        field: 'documents',
        message: 'are required for this plan: attach a supporting document (Proof of enrolment)',
      });
    });

    it('no application part: 400 on `application`', () =>
      expectRefused([signature()], { status: 400, type: 'validation', fields: ['application'] }));

    it('malformed JSON: 400 on `application`', async () => {
      const answer = await expectRefused([{ field: 'application', value: '{"kind": "individual",' }, signature()], {
        status: 400,
        type: 'validation',
        fields: ['application'],
      });
      expect(answer.body.errors![0].message).toMatch(/^is not valid JSON/);
    });

    it('missing fields: 400 naming each', () =>
      expectRefused([json({ person: {} }), signature()], {
        status: 400,
        type: 'validation',
        fields: [
          'application.kind',
          'application.planId',
          'application.locale',
          'application.consent',
          'application.person.firstName',
          'application.person.email',
          'application.person.birthDate',
          'application.person.address',
        ],
      }));

    it('malformed fields: 400 naming each', async () => {
      const value = individualJson(email(), {
        consent: { terms: true, privacy: false },
        person: person('not-an-email', { birthDate: '2020-01-01', nationality: 'Belgian', phone: 'call me' }),
      });
      await expectRefused([json(value), signature()], {
        status: 400,
        type: 'validation',
        fields: [
          'application.consent.privacy',
          'application.person.email',
          'application.person.birthDate',
          'application.person.nationality',
          'application.person.phone',
        ],
      });
    });

    it('an organisation without exactly one contact, or with a person: 400', () =>
      expectRefused(
        [
          json({
            ...organisationJson(email(), 'X-1'),
            person: person(email()),
            organisation: { ...organisationJson(email(), 'X-1').organisation, representatives: [] },
          }),
          signature(),
        ],
        { status: 400, type: 'validation', fields: ['application.person', 'application.organisation.representatives'] },
      ));

    it.each([
      ['unknown', () => randomUUID()],
      ['inactive', () => plan.inactive],
      ['not open to individuals', () => plan.organisation],
    ])('a plan that is %s: 400 on application.planId', async (_, planId) => {
      const answer = await expectRefused([json(individualJson(email(), { planId: planId() })), signature()], {
        status: 400,
        type: 'validation',
        fields: ['application.planId'],
      });
      expect(answer.body.errors).toHaveLength(1);
    });

    it('no signature on the public form: 400 on `signature`', () =>
      expectRefused(async () => [json(individualJson(email())), await captcha()], {
        status: 400,
        type: 'validation',
        fields: ['signature'],
      }));

    it('a PDF sent as the photo: 415 naming it', async () => {
      const answer = await expectRefused(
        async () => [
          json(individualJson(email())),
          await captcha(),
          file('photo', pdfFile(), 'me.jpg', 'image/jpeg'),
          signature(),
        ],
        { status: 415, type: 'unsupported-file-type', fields: ['photo'] },
      );
      expect(answer.body.detail).toBe(
        'photo "me.jpg" must be a JPEG or PNG file; it is a PDF (decided from its content).',
      );
    });

    it('an SVG document: 415 naming it', async () => {
      const answer = await expectRefused(
        async () => [
          json(individualJson(email())),
          await captcha(),
          file('documents', pdfFile(), 'ok.pdf', 'application/pdf'),
          file('documents', svgFile(), 'logo.svg', 'image/svg+xml'),
          signature(),
        ],
        { status: 415, type: 'unsupported-file-type', fields: ['documents[1]'] },
      );
      expect(answer.body.detail).toContain('"logo.svg"');
    });

    it('a JPEG signature: 415', () =>
      expectRefused(
        [json(individualJson(email())), file('signature', jpegFile(320, 96), 'signature.png', 'image/png')],
        {
          status: 415,
          type: 'unsupported-file-type',
          fields: ['signature'],
        },
      ));

    it('a photo over 5 MB: 413', () =>
      expectRefused(
        [json(individualJson(email())), file('photo', padTo(jpegFile(120, 160), 5 * MiB + 1), 'big.jpg'), signature()],
        { status: 413, type: 'file-too-large', fields: ['photo'] },
      ));

    it('a document over 10 MB: 413', () =>
      expectRefused(
        [json(individualJson(email())), file('documents', padTo(pdfFile(), 10 * MiB + 1), 'big.pdf'), signature()],
        { status: 413, type: 'file-too-large' },
      ));

    it('a photo smaller than 100 px: 400', () =>
      expectRefused([json(individualJson(email())), file('photo', pngFile(80, 80), 'tiny.png'), signature()], {
        status: 400,
        type: 'validation',
        fields: ['photo'],
      }));

    it('eleven documents: 400', () =>
      expectRefused(
        [
          json(individualJson(email())),
          ...Array.from({ length: 11 }, (_, i) => file('documents', pdfFile(`doc ${i}`), `doc${i}.pdf`)),
          signature(),
        ],
        { status: 400, type: 'validation', fields: ['documents'] },
      ));

    it('an unknown file field or text field: 400', () =>
      expectRefused(
        [
          json(individualJson(email())),
          file('avatar', pngFile(120, 120), 'me.png'),
          { field: 'role', value: 'admin' },
          signature(),
        ],
        { status: 400, type: 'validation', fields: ['avatar', 'role'] },
      ));

    it('a missing captcha: 400', () =>
      expectRefused([json(individualJson(email())), photo(), signature()], {
        status: 400,
        type: 'captcha-missing',
        fields: ['altcha'],
      }));

    it('a tampered captcha: 400', async () => {
      type Payload = { challenge: { parameters: { expiresAt: number } }; solution: { derivedKey: string } };
      const decode = (value: string) => JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as Payload;
      const encode = (payload: Payload) => Buffer.from(JSON.stringify(payload)).toString('base64');
      const solved = (await captcha()).value as string;

      const wrongKey = decode(solved);
      const last = wrongKey.solution.derivedKey.slice(-1);
      wrongKey.solution.derivedKey = `${wrongKey.solution.derivedKey.slice(0, -1)}${last === '0' ? '1' : '0'}`;
      const longerLife = decode(solved);
      longerLife.challenge.parameters.expiresAt += 3600;

      for (const tampered of [encode(wrongKey), encode(longerLife), 'bm90IGEgY2FwdGNoYQ==']) {
        await expectRefused([json(individualJson(email())), { field: 'altcha', value: tampered }, signature()], {
          status: 400,
          type: 'captcha-invalid',
          fields: ['altcha'],
        });
      }
    });

    it('a replayed captcha: 400', async () => {
      const used = await captcha();
      const first = await submit([json(individualJson(email())), used, signature()]);
      expect(first.status).toBe(201);
      await expectRefused([json(individualJson(email())), used, signature()], {
        status: 400,
        type: 'captcha-replayed',
        fields: ['altcha'],
      });
    });

    it('a second application under review for the same e-mail or registration number: 409', async () => {
      const taken = email();
      expect((await submit([json(individualJson(taken)), await captcha(), signature()])).status).toBe(201);
      const again = await expectRefused(
        async () => [
          json(individualJson(` ${taken.toUpperCase()} `, { planId: plan.student })),
          await captcha(),
          signature(),
        ],
        { status: 409, type: 'application-pending' },
      );
      expect(again.body.detail).toBe('An application for this e-mail is already under review.');

      expect(
        (await submit([json(organisationJson(email(), 'BE 0555.444.333')), await captcha(), signature()])).status,
      ).toBe(201);
      await expectRefused(async () => [json(organisationJson(email(), 'be0555444333')), await captcha(), signature()], {
        status: 409,
        type: 'application-pending',
      });
      // The contact of an organisation counts as "the same e-mail" too.
      await expectRefused(async () => [json(organisationJson(taken, 'NEW-1')), await captcha(), signature()], {
        status: 409,
        type: 'application-pending',
      });
    });

    it('an Idempotency-Key: replayed with the same request, 422 with another', async () => {
      const key = randomUUID();
      const parts = [json(individualJson(email())), await captcha(), signature()];
      const first = await submit(parts, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const afterFirst = await stored();

      const replay = await submit(parts, { 'idempotency-key': key });
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await stored()).toEqual(afterFirst);

      await expectRefused(
        async () => [json(individualJson(email())), await captcha(), signature()],
        {
          status: 422,
          type: 'idempotency-key-reused',
        },
        { 'idempotency-key': key },
      );
    });
  });

  describe('cancellation', () => {
    it('cancels with a reason, records it in the history, frees the e-mail, and refuses a second time', async () => {
      const email = uniqueEmail('cancel');
      const created = await submit([json(individualJson(email))], { authorization: `Bearer ${adminToken}` });
      const id = created.body.id as string;

      const noReason = await asAdmin.POST('/api/v1/applications/{id}/cancel', {
        params: { path: { id } },
        body: { reason: ' x ' },
      });
      expect(noReason.response.status).toBe(400);
      expect(noReason.error!.errors).toEqual([{ field: 'reason', code: 'minLength', message: expect.any(String) }]);

      const cancelled = await asAdmin.POST('/api/v1/applications/{id}/cancel', {
        params: { path: { id } },
        body: { reason: 'The applicant withdrew by phone.' },
      });
      expect(cancelled.response.status).toBe(200);
      expect(cancelled.data).toMatchObject({ id, status: 'cancelled' });
      expect(
        cancelled.data!.history.map((event) => [event.type, event.toStatus, event.actor.kind, event.reason]),
      ).toEqual([
        ['submitted', 'submitted', 'user', null],
        ['cancelled', 'cancelled', 'user', 'The applicant withdrew by phone.'],
      ]);
      // The history names the staff member who acted, as the approval history does.
      const admin = (await asAdmin.GET('/api/v1/me')).data!.user.name;
      expect(cancelled.data!.history.map((event) => event.actor.name)).toEqual([admin, admin]);

      const again = await asAdmin.POST('/api/v1/applications/{id}/cancel', {
        params: { path: { id } },
        body: { reason: 'Twice.' },
      });
      expect(again.response.status).toBe(409);
      expect(again.error).toMatchObject({
        type: 'urn:tessera:problem:illegal-transition',
        detail: 'This application is already cancelled.',
      });

      const cancelledList = await asAdmin.GET('/api/v1/applications', { params: { query: { status: 'cancelled' } } });
      expect(cancelledList.data!.items.map((item) => item.id)).toEqual([id]);

      const reapplied = await submit([json(individualJson(email))], { authorization: `Bearer ${adminToken}` });
      expect(reapplied.status).toBe(201);
      const anonymous = await stack.client.POST('/api/v1/applications/{id}/cancel', {
        params: { path: { id: reapplied.body.id as string } },
        body: { reason: 'Not allowed' },
      });
      expect(anonymous.response.status).toBe(401);
    });
  });

  it('lists newest first, pages, and filters by dates', async () => {
    const all = await asAdmin.GET('/api/v1/applications', { params: { query: { pageSize: 200 } } });
    const times = all.data!.items.map((item) => item.submittedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await asAdmin.GET('/api/v1/applications', { params: { query: { page: 2, pageSize: 2 } } });
    expect(second.data!.items.map((item) => item.id)).toEqual(all.data!.items.slice(2, 4).map((item) => item.id));

    const today = new Date().toISOString().slice(0, 10);
    const fromToday = await asAdmin.GET('/api/v1/applications', {
      params: { query: { submittedFrom: today, submittedTo: today, pageSize: 1 } },
    });
    expect(fromToday.data!.total).toBe(all.data!.total);
    const future = await asAdmin.GET('/api/v1/applications', { params: { query: { submittedFrom: '2999-01-01' } } });
    expect(future.data!.total).toBe(0);
    const bad = await asAdmin.GET('/api/v1/applications', {
      params: { query: { submittedFrom: 'yesterday', status: 'pending' as 'submitted' } },
    });
    expect(bad.response.status).toBe(400);
  });

  it('limits anonymous submissions per address: the eleventh in ten minutes is a 429', async () => {
    const ip = '203.0.113.77';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      statuses.push((await submit([json({})], { 'x-forwarded-for': ip })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
  });
});

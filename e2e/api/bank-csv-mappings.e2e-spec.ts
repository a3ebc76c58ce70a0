import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Schemas, type TesseraClient } from '@tessera/api-client';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, type Stack } from '../support/stack';

type Line = Schemas['BankStatementLineDto'];

const ACCOUNT = 'BE68539007547034';
const OTHER_ACCOUNT = 'BE71096123456769';
const csv = readFileSync(join(__dirname, '../../libs/billing/src/bank-statements/fixtures/statement-be-fr.csv'));

/**
 * A bank's CSV layout is saved once per account: finance previews the export, saves the mapping
 * for the account, and uploads of that account are read with it. A line ignored by mistake is
 * reopened, and every decision stays on the line.
 */
describe('CSV mappings per bank account and reopening lines (API over HTTP)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let finance: StaffSession;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    finance = await activatedStaff(stack, admin, 'Fay Finance', ['finance']);
  });
  afterAll(() => stack.stop());

  async function post(path: string, fields: Record<string, string>, token: string | null = finance.token) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'export.csv');
    const response = await fetch(`${stack.baseUrl}/api/v1/${path}`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const fieldsOf = (body: unknown) => ((body as Schemas['ProblemDto']).errors ?? []).map((e) => e.field);

  it('previews the export and names the preset that fits, for finance only', async () => {
    const preview = await post('bank-statements/csv-preview', {});
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ delimiter: ';', encoding: 'utf-8', skipLines: 0, preset: 'be-fr' });
    expect((preview.body.rows as string[][])[1]).toContain('Jan Peeters');
    expect((await post('bank-statements/csv-preview', { skipLines: 'x' })).status).toBe(400);
    expect((await post('bank-statements/csv-preview', {}, null)).status).toBe(401);
    const approver = await activatedStaff(stack, admin, 'Abe Approver', ['approver']);
    expect((await post('bank-statements/csv-preview', {}, approver.token)).status).toBe(403);
    expect((await approver.client.GET('/api/v1/bank-csv-mappings')).response.status).toBe(403);
  });

  it('saves a mapping per account, refusing a wrong one field by field', async () => {
    const presets = (await finance.client.GET('/api/v1/bank-statements/csv-presets')).data!;
    expect(presets.map((preset) => preset.name)).toEqual(['be-fr', 'nl', 'fr']);
    const beFr = presets[0].mapping;
    const get = (iban: string) =>
      finance.client.GET('/api/v1/bank-csv-mappings/{iban}', { params: { path: { iban } } });
    const put = (iban: string, mapping: unknown) =>
      finance.client.PUT('/api/v1/bank-csv-mappings/{iban}', {
        params: { path: { iban } },
        body: { mapping: mapping as Schemas['CsvMappingDto'] },
      });

    expect((await get(ACCOUNT)).response.status).toBe(404);
    const wrong = await put(ACCOUNT, { ...beFr, delimiter: ';;', columns: { ...beFr.columns, amount: undefined } });
    expect(wrong.response.status).toBe(400);
    expect(fieldsOf(wrong.error)).toEqual(['mapping.delimiter', 'mapping.columns.amount']);
    expect(fieldsOf((await put('BE00 1234', beFr)).error)).toEqual(['iban']);

    const saved = await put('be68 5390 0754 7034', beFr);
    expect(saved.response.status).toBe(200);
    expect(saved.data).toMatchObject({ accountIban: ACCOUNT, mapping: beFr, updatedBy: { name: 'Fay Finance' } });
    expect((await get(ACCOUNT)).data).toMatchObject({ accountIban: ACCOUNT, mapping: beFr });
    expect((await put(OTHER_ACCOUNT, beFr)).response.status).toBe(200);
    const list = (await finance.client.GET('/api/v1/bank-csv-mappings')).data!;
    expect(list).toMatchObject({ total: 2, items: [{ accountIban: ACCOUNT }, { accountIban: OTHER_ACCOUNT }] });
  });

  it('reads an upload naming its account with the saved mapping, and refuses another account’s file', async () => {
    const unmapped = await post('bank-statements', { format: 'csv', account: 'FR7630006000011234567890189' });
    expect(unmapped.status).toBe(400);
    expect(fieldsOf(unmapped.body)).toEqual(['account']);
    const other = await post('bank-statements', { format: 'csv', account: OTHER_ACCOUNT });
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ detail: `The file is for account ${ACCOUNT}, not ${OTHER_ACCOUNT}.` });
    expect((await finance.client.GET('/api/v1/bank-statements')).data!.total).toBe(0);

    const imported = await post('bank-statements', { format: 'csv', account: ACCOUNT });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ format: 'csv', accountIban: ACCOUNT, lines: 4, ignored: 1, toReview: 3 });
  });

  it('reopens a line ignored by mistake, keeps every decision, and refuses what cannot be reopened', async () => {
    const lines = (await finance.client.GET('/api/v1/bank-statement-lines')).data!.items;
    const martin = lines.find((line) => line.counterparty.name === 'L. Martin')!;
    const debit = lines.find((line) => line.direction === 'debit')!;
    const reopen = (id: string) =>
      finance.client.POST('/api/v1/bank-statement-lines/{id}/reopen', {
        params: { path: { id } },
        body: { note: 'Martin is a member after all' },
      });

    expect((await reopen(martin.id)).error).toMatchObject({
      status: 409,
      type: 'urn:tessera:problem:bank-line-not-reopenable',
    });
    const ignored = await finance.client.POST('/api/v1/bank-statement-lines/{id}/resolve', {
      params: { path: { id: martin.id } },
      body: { ignore: true, reason: 'Not ours' },
    });
    expect(ignored.data).toMatchObject<Partial<Line>>({ state: 'ignored', resolutionNote: 'Not ours' });

    const reopened = await reopen(martin.id);
    expect(reopened.response.status).toBe(200);
    expect(reopened.data).toMatchObject<Partial<Line>>({
      state: 'to-review',
      resolvedBy: null,
      resolvedAt: null,
      resolutionNote: null,
    });
    expect(reopened.data!.decisions).toMatchObject([
      { action: 'ignore', note: 'Not ours', decidedBy: { name: 'Fay Finance' } },
      { action: 'reopen', note: 'Martin is a member after all', decidedBy: { name: 'Fay Finance' } },
    ]);
    expect((await reopen(martin.id)).response.status).toBe(409);
    expect((await reopen(debit.id)).error).toMatchObject({
      status: 409,
      detail: 'This bank line is a debit: money that left the account is not a payment to us.',
    });
    const queue = await finance.client.GET('/api/v1/bank-statement-lines', {
      params: { query: { state: 'to-review' } },
    });
    expect(queue.data!.items.map((line) => line.id)).toContain(martin.id);
    const open = await finance.client.GET('/api/v1/bank-statement-lines', { params: { query: { open: 'true' } } });
    expect(open.data!.items.map((line) => line.state).sort()).toEqual(['to-review', 'to-review', 'to-review']);
  });

  it('reopens a line once when asked twice at once', async () => {
    const [line] = (
      await finance.client.GET('/api/v1/bank-statement-lines', { params: { query: { state: 'to-review' } } })
    ).data!.items;
    await finance.client.POST('/api/v1/bank-statement-lines/{id}/resolve', {
      params: { path: { id: line.id } },
      body: { ignore: true, reason: 'Not ours' },
    });
    const answers = await Promise.all(
      [1, 2].map(() =>
        finance.client.POST('/api/v1/bank-statement-lines/{id}/reopen', {
          params: { path: { id: line.id } },
          body: {},
        }),
      ),
    );
    expect(answers.map((answer) => answer.response.status).sort()).toEqual([200, 409]);
    const [after] = (
      await finance.client.GET('/api/v1/bank-statement-lines', { params: { query: { statementId: line.statementId } } })
    ).data!.items.filter((item) => item.id === line.id);
    expect(after.decisions.map((decision) => decision.action)).toEqual(['ignore', 'reopen']);
  });

  it('forgets a mapping', async () => {
    const remove = () =>
      finance.client.DELETE('/api/v1/bank-csv-mappings/{iban}', { params: { path: { iban: OTHER_ACCOUNT } } });
    expect((await remove()).response.status).toBe(204);
    expect((await remove()).response.status).toBe(404);
  });
});

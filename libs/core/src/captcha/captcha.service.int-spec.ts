import type { TestingModule } from '@nestjs/testing';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { Clock, ManualClock } from '../clock/clock';
import { AppConfig } from '../config/app-config';
import { Transactions } from '../database/transactions';
import { solveCaptchaChallenge } from './altcha';
import { CaptchaSolutionRepository } from './captcha-solution.repository';
import { CaptchaModule } from './captcha.module';
import { captchaSchema } from './captcha.schema';
import { CaptchaService } from './captcha.service';

const problem = (slug: string) => ({
  problem: expect.objectContaining({ status: 400, type: `urn:tessera:problem:${slug}` }),
});
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('CaptchaService against the real database', () => {
  let moduleRef: TestingModule;
  let captcha: CaptchaService;
  let clock: ManualClock;
  let dataSource: DataSource;

  const solved = async () => solveCaptchaChallenge(await captcha.challenge());
  const storedSolutions = async (): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM captcha_solutions`))[0].n);

  beforeAll(async () => {
    clock = new ManualClock();
    moduleRef = await createWorkerTestingModule({
      imports: [CaptchaModule],
      queues: [],
      schema: captchaSchema,
      configure: (builder) => builder.overrideProvider(Clock).useValue(clock),
    });
    captcha = moduleRef.get(CaptchaService);
    dataSource = moduleRef.get(DataSource);
  });
  afterAll(() => moduleRef.close());
  beforeEach(() => clock.set(new Date()));

  it('issues challenges that expire in 10 minutes by the Clock', async () => {
    const challenge = (await captcha.challenge()) as { parameters: { expiresAt: number } };
    expect(challenge.parameters.expiresAt).toBe(Math.floor(clock.now().getTime() / 1000) + 600);
  });

  it('accepts an answer once and refuses it after', async () => {
    const payload = await solved();
    await expect(captcha.verify(payload)).resolves.toBeUndefined();
    await expect(captcha.verify(payload)).rejects.toMatchObject(problem('captcha-replayed'));
  });

  it('accepts one of several requests racing with the same answer', async () => {
    const payload = await solved();
    const transactions = moduleRef.get(Transactions);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        transactions.run(async () => {
          await captcha.verify(payload);
          await new Promise((resolve) => setTimeout(resolve, 50)); // the rest of the request
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject(problem('captcha-replayed'));
    }
  });

  it('leaves an answer usable when the request that used it rolls back', async () => {
    const payload = await solved();
    await expect(
      moduleRef.get(Transactions).run(async () => {
        await captcha.verify(payload);
        throw new Error('the application could not be saved');
      }),
    ).rejects.toThrow('could not be saved');
    await expect(captcha.verify(payload)).resolves.toBeUndefined();
  });

  it('refuses a missing answer', async () => {
    await expect(captcha.verify(undefined)).rejects.toMatchObject(problem('captcha-missing'));
    await expect(captcha.verify('')).rejects.toMatchObject(problem('captcha-missing'));
  });

  it('refuses tampered and garbage answers, naming the altcha field', async () => {
    const answer = decode(await solved());
    answer.challenge.parameters.expiresAt += 3600;
    const refusal = captcha.verify(encode(answer));
    await expect(refusal).rejects.toMatchObject(problem('captcha-invalid'));
    await expect(refusal).rejects.toMatchObject({
      problem: expect.objectContaining({ errors: [{ field: 'altcha', message: expect.any(String) }] }),
    });
    await expect(captcha.verify('bm90IGpzb24=')).rejects.toMatchObject(problem('captcha-invalid'));
  });

  it('refuses answers to challenges signed with another key', async () => {
    const config = Object.assign(new AppConfig(), moduleRef.get(AppConfig), { CAPTCHA_HMAC_KEY: 'k'.repeat(32) });
    const elsewhere = new CaptchaService(config, clock, moduleRef.get(CaptchaSolutionRepository));
    await expect(elsewhere.verify(await solved())).rejects.toMatchObject(problem('captcha-invalid'));
  });

  it('refuses an answer once its challenge has expired by the Clock', async () => {
    const payload = await solved();
    clock.advance(10 * 60_000 + 1000);
    await expect(captcha.verify(payload)).rejects.toMatchObject(problem('captcha-expired'));
  });

  it('refuses an answer whose challenge expired by the wall clock', async () => {
    clock.set(new Date(Date.now() - 11 * 60_000));
    const payload = await solved();
    clock.set(new Date());
    await expect(captcha.verify(payload)).rejects.toMatchObject(problem('captcha-expired'));
  });

  it('forgets used answers once they have expired', async () => {
    await captcha.verify(await solved());
    expect(await storedSolutions()).toBeGreaterThan(0);
    clock.advance(11 * 60_000);
    await captcha.verify(await solveCaptchaChallenge(await captcha.challenge()));
    expect(await storedSolutions()).toBe(1);
  });
});

import { plainToInstance } from 'class-transformer';
import { ListCooperatorsQueryDto } from '../cooperators/cooperator.dto';
import { CooperatorsService } from '../cooperators/cooperators.service';
import { bootCooperative, subscribedHolder, type Booted } from './cooperative-testing';

/**
 * The back office's cooperators list and its filters (issue 18): by class held today, candidate
 * or effective, person or organisation, alone and together.
 */
describe('cooperators list filters against the real database', () => {
  let booted: Booted;
  let cooperators: CooperatorsService;
  const names: Record<'ann' | 'ben' | 'org', string> = { ann: '', ben: '', org: '' };

  beforeAll(async () => {
    booted = await bootCooperative();
    cooperators = booted.moduleRef.get(CooperatorsService);
    names.ann = (await subscribedHolder(booted, booted.classB.id, 4, { firstName: 'Ann' })).name;
    names.ben = (await subscribedHolder(booted, booted.classB.id, 2, { firstName: 'Ben', paid: false })).name;
    names.org = (await subscribedHolder(booted, booted.classA.id, 1, { organisation: 'Quanta SRL' })).name;
  });
  afterAll(() => booted.moduleRef.close());

  const listed = async (filters: Partial<ListCooperatorsQueryDto>) => {
    const page = await cooperators.list(plainToInstance(ListCooperatorsQueryDto, filters));
    expect(page.total).toBe(page.items.length);
    return page.items.map((c) => [c.name, c.kind, c.state]).sort();
  };

  it('lists every cooperator, candidates too, with what each holds today', async () => {
    const page = await cooperators.list(plainToInstance(ListCooperatorsQueryDto, {}));
    expect(page.items.map((c) => [c.name, c.holdings.map((h) => [h.shareClassCode, h.quantity])])).toEqual([
      [names.ben, []],
      [names.org, [['A', 1]]],
      [names.ann, [['B', 4]]],
    ]);
  });

  it('filters candidates from effective cooperators', async () => {
    expect(await listed({ state: 'candidate' })).toEqual([[names.ben, 'person', 'candidate']]);
    expect(await listed({ state: 'effective' })).toEqual(
      [
        [names.ann, 'person', 'effective'],
        [names.org, 'organisation', 'effective'],
      ].sort(),
    );
  });

  it('filters persons from organisations', async () => {
    expect(await listed({ kind: 'organisation' })).toEqual([[names.org, 'organisation', 'effective']]);
    expect(await listed({ kind: 'person' })).toEqual(
      [
        [names.ann, 'person', 'effective'],
        [names.ben, 'person', 'candidate'],
      ].sort(),
    );
  });

  it('filters by the class held today (asking for one is not holding it), and combines the filters', async () => {
    expect(await listed({ shareClassId: booted.classA.id })).toEqual([[names.org, 'organisation', 'effective']]);
    expect(await listed({ shareClassId: booted.classB.id })).toEqual([[names.ann, 'person', 'effective']]);
    expect(await listed({ shareClassId: booted.classB.id, kind: 'organisation' })).toEqual([]);
    expect(await listed({ shareClassId: booted.classB.id, state: 'candidate' })).toEqual([]);
    expect(await listed({ kind: 'person', state: 'candidate', q: 'ben' })).toEqual([
      [names.ben, 'person', 'candidate'],
    ]);
  });
});

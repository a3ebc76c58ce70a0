import {
  addBlock,
  directionOf,
  formatRanges,
  highestShares,
  holdingsAsOf,
  mergeRanges,
  nextRange,
  overlaps,
  rangeSize,
  removeBlock,
  type RegisterMovement,
} from './share-register-arithmetic';

const issue = (
  holderId: string,
  first: number,
  last: number,
  effectiveOn: string,
  shareClassId = 'B',
  unitPrice = 2500,
): RegisterMovement => ({
  kind: 'issue',
  holderId,
  shareClassId,
  quantity: last - first + 1,
  first,
  last,
  unitPrice,
  effectiveOn,
});

describe('share number ranges', () => {
  it('gives the next consecutive block after the last number given', () => {
    expect(nextRange(0, 4)).toEqual({ first: 1, last: 4 });
    expect(nextRange(4, 1)).toEqual({ first: 5, last: 5 });
    expect(nextRange(40, 10)).toEqual({ first: 41, last: 50 });
    expect(rangeSize(nextRange(40, 10))).toBe(10);
  });

  it('refuses a quantity below 1 or a negative counter', () => {
    expect(() => nextRange(0, 0)).toThrow(RangeError);
    expect(() => nextRange(-1, 2)).toThrow(RangeError);
    expect(() => nextRange(3, 1.5)).toThrow(RangeError);
  });

  it('never lets blocks issued one after the other overlap', () => {
    let last = 0;
    const blocks = [3, 1, 7, 2].map((quantity) => {
      const range = nextRange(last, quantity);
      last = range.last;
      return range;
    });
    expect(blocks).toEqual([
      { first: 1, last: 3 },
      { first: 4, last: 4 },
      { first: 5, last: 11 },
      { first: 12, last: 13 },
    ]);
    for (const a of blocks) for (const b of blocks) if (a !== b) expect(overlaps(a, b)).toBe(false);
  });

  it('detects overlap at the edges', () => {
    expect(overlaps({ first: 1, last: 4 }, { first: 4, last: 6 })).toBe(true);
    expect(overlaps({ first: 1, last: 4 }, { first: 5, last: 6 })).toBe(false);
  });

  it('merges adjacent blocks, keeps gaps, and refuses overlapping ones', () => {
    expect(
      mergeRanges([
        { first: 5, last: 6 },
        { first: 1, last: 4 },
        { first: 9, last: 9 },
      ]),
    ).toEqual([
      { first: 1, last: 6 },
      { first: 9, last: 9 },
    ]);
    expect(() =>
      mergeRanges([
        { first: 1, last: 4 },
        { first: 3, last: 5 },
      ]),
    ).toThrow(/overlap/);
    expect(
      formatRanges([
        { first: 1, last: 6 },
        { first: 9, last: 9 },
      ]),
    ).toBe('1–6, 9');
  });
});

describe('holdings derived from the register', () => {
  const movements = [
    issue('ann', 1, 4, '2026-03-01'),
    issue('bob', 5, 5, '2026-03-02'),
    issue('ann', 6, 7, '2026-04-01'),
    issue('ann', 1, 1, '2026-03-01', 'A', 25000),
  ];

  it('sums quantities and capital per holder and class as of a date, inclusive', () => {
    const holdings = holdingsAsOf(movements, '2026-04-01');
    // In date order: both of Ann's first blocks are effective on 1 March, Bob's on the 2nd.
    expect(holdings.map(({ blocks: _blocks, ...holding }) => holding)).toEqual([
      {
        holderId: 'ann',
        shareClassId: 'B',
        quantity: 6,
        capital: 15000,
        ranges: [
          { first: 1, last: 4 },
          { first: 6, last: 7 },
        ],
      },
      { holderId: 'ann', shareClassId: 'A', quantity: 1, capital: 25000, ranges: [{ first: 1, last: 1 }] },
      { holderId: 'bob', shareClassId: 'B', quantity: 1, capital: 2500, ranges: [{ first: 5, last: 5 }] },
    ]);
    // Totals match the movements: the register's figures are sums, never stored.
    const total = holdings.reduce((sum, holding) => sum + holding.quantity, 0);
    expect(total).toBe(movements.reduce((sum, movement) => sum + movement.quantity, 0));
  });

  it('leaves out movements effective after the date', () => {
    expect(holdingsAsOf(movements, '2026-03-01').map((h) => [h.holderId, h.shareClassId, h.quantity])).toEqual([
      ['ann', 'B', 4],
      ['ann', 'A', 1],
    ]);
    expect(holdingsAsOf(movements, '2026-02-28')).toEqual([]);
  });
});

describe('removing and moving share numbers', () => {
  const blocks = [
    { first: 1, last: 4, unitPrice: 2500 },
    { first: 9, last: 10, unitPrice: 3000 },
  ];

  it('takes the highest numbers first, across blocks, each with its price', () => {
    expect(highestShares(blocks, 1)).toEqual([{ first: 10, last: 10, unitPrice: 3000 }]);
    expect(highestShares(blocks, 2)).toEqual([{ first: 9, last: 10, unitPrice: 3000 }]);
    expect(highestShares(blocks, 3)).toEqual([
      { first: 4, last: 4, unitPrice: 2500 },
      { first: 9, last: 10, unitPrice: 3000 },
    ]);
    expect(highestShares(blocks, 6)).toEqual(blocks);
  });

  it('refuses to take more than is held, or a bad quantity', () => {
    expect(() => highestShares(blocks, 7)).toThrow('Only 6 shares are held, not 7');
    expect(() => highestShares(blocks, 0)).toThrow(RangeError);
    expect(() => highestShares([], 1)).toThrow(RangeError);
  });

  it('removes a range from the middle, the edges or a whole block', () => {
    expect(removeBlock(blocks, { first: 2, last: 3 })).toEqual([
      { first: 1, last: 1, unitPrice: 2500 },
      { first: 4, last: 4, unitPrice: 2500 },
      { first: 9, last: 10, unitPrice: 3000 },
    ]);
    expect(removeBlock(blocks, { first: 1, last: 4 })).toEqual([{ first: 9, last: 10, unitPrice: 3000 }]);
    expect(removeBlock(blocks, { first: 10, last: 10 })).toEqual([
      { first: 1, last: 4, unitPrice: 2500 },
      { first: 9, last: 9, unitPrice: 3000 },
    ]);
  });

  it('refuses to remove numbers not all held, and to add numbers already held', () => {
    expect(() => removeBlock(blocks, { first: 4, last: 9 })).toThrow('Share numbers 4–9 are not all held');
    expect(() => removeBlock(blocks, { first: 11, last: 11 })).toThrow(/not all held/);
    expect(() => addBlock(blocks, { first: 3, last: 5, unitPrice: 2500 })).toThrow(/already held/);
    expect(addBlock(blocks, { first: 5, last: 8, unitPrice: 2500 }).map((b) => b.first)).toEqual([1, 5, 9]);
  });

  it('derives holdings through a redemption and a transfer, as of each date', () => {
    const out = (kind: RegisterMovement['kind'], holderId: string, first: number, last: number, on: string) => ({
      ...issue(holderId, first, last, on),
      kind,
    });
    const movements: RegisterMovement[] = [
      issue('ann', 1, 4, '2026-03-01'),
      issue('bob', 5, 6, '2026-03-01'),
      out('redemption', 'ann', 4, 4, '2026-04-01'),
      out('transfer_out', 'ann', 3, 3, '2026-05-01'),
      out('transfer_in', 'bob', 3, 3, '2026-05-01'),
      out('transfer_out', 'bob', 5, 6, '2026-06-01'),
      out('transfer_in', 'cy', 5, 6, '2026-06-01'),
    ];
    const view = (asOf: string) =>
      holdingsAsOf(movements, asOf).map((h) => [h.holderId, h.quantity, formatRanges(h.ranges), h.capital]);
    expect(view('2026-03-31')).toEqual([
      ['ann', 4, '1–4', 10000],
      ['bob', 2, '5–6', 5000],
    ]);
    expect(view('2026-04-01')).toEqual([
      ['ann', 3, '1–3', 7500],
      ['bob', 2, '5–6', 5000],
    ]);
    expect(view('2026-05-01')).toEqual([
      ['ann', 2, '1–2', 5000],
      ['bob', 3, '3, 5–6', 7500],
    ]);
    // Bob's first shares moved on: he keeps number 3; Cy holds 5–6.
    expect(view('2026-06-01')).toEqual([
      ['ann', 2, '1–2', 5000],
      ['bob', 1, '3', 2500],
      ['cy', 2, '5–6', 5000],
    ]);
    // The sum of the rows, in less out, is what is held.
    const signed = movements.reduce((sum, m) => sum + directionOf(m.kind) * m.quantity, 0);
    expect(holdingsAsOf(movements, '2026-12-31').reduce((sum, h) => sum + h.quantity, 0)).toBe(signed);
  });

  it('drops a holder left with nothing, and refuses a row taking numbers not held then', () => {
    const movements: RegisterMovement[] = [
      issue('ann', 1, 2, '2026-03-01'),
      { ...issue('ann', 1, 2, '2026-04-01'), kind: 'redemption' },
    ];
    expect(holdingsAsOf(movements, '2026-04-01')).toEqual([]);
    expect(() => holdingsAsOf([{ ...issue('ann', 1, 2, '2026-04-01'), kind: 'redemption' }], '2026-04-01')).toThrow(
      /not all held/,
    );
  });
});

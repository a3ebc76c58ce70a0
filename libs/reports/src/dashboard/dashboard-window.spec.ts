import { dashboardWindow, monthEnd, shiftMonth } from './dashboard-window';

describe('the dashboard window', () => {
  it('spans this month and the 11 before it, across a year boundary', () => {
    const window = dashboardWindow('2027-02-10', '2027-02-09');
    expect(window.months).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(window).toMatchObject({
      today: '2027-02-10',
      monthStart: '2027-02-01',
      yearStart: '2027-01-01',
      chartStart: '2026-03-01',
      renewalsUntil: '2027-03-11',
      applicationsSince: '2027-01-11',
    });
  });

  it('knows month ends, 29 February included', () => {
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2027-02')).toBe('2027-02-28');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });
});

import {
  dayIn,
  formatDuration,
  isRunning,
  planBarWidths,
  runDay,
  runDurationMs,
  runPercentage,
} from './renewal-figures';

describe('renewal run figures', () => {
  it('knows a run at work', () => {
    expect(isRunning({ state: 'queued' })).toBe(true);
    expect(isRunning({ state: 'running' })).toBe(true);
    expect(isRunning({ state: 'done' })).toBe(false);
    expect(isRunning({ state: 'failed' })).toBe(false);
  });

  it('measures progress against the preview, full only once done', () => {
    expect(runPercentage({ state: 'running', examined: 250 }, 1000)).toBe(25);
    expect(runPercentage({ state: 'running', examined: 1200 }, 1000)).toBe(99);
    expect(runPercentage({ state: 'running', examined: 5 }, 0)).toBe(0);
    expect(runPercentage({ state: 'queued', examined: 0 }, null)).toBe(0);
    expect(runPercentage({ state: 'done', examined: 0 }, 0)).toBe(100);
  });

  it('times a run from its start to its end, or to now while it runs', () => {
    const startedAt = '2026-06-01T10:00:00.000Z';
    expect(runDurationMs({ startedAt, finishedAt: '2026-06-01T10:00:01.500Z' })).toBe(1500);
    expect(runDurationMs({ startedAt, finishedAt: null }, Date.parse(startedAt) + 300)).toBe(300);
    expect(runDurationMs({ startedAt: null, finishedAt: null })).toBeNull();
  });

  it('says durations in each language', () => {
    expect(formatDuration(40, 'en')).toBe('40 ms');
    expect(formatDuration(1500, 'en')).toBe('1.5 sec');
    expect(formatDuration(42_000, 'en')).toBe('42 sec');
    expect(formatDuration(210_000, 'en')).toBe('3.5 min');
    expect(formatDuration(1500, 'fr')).toMatch(/^1,5[\u00a0\u202f]s$/);
    expect(formatDuration(null, 'en')).toBe('—');
  });

  it('dates a run by the day it started, in the organisation’s time zone', () => {
    const lateEvening = '2026-12-06T23:06:00.000Z';
    expect(runDay({ startedAt: lateEvening, createdAt: lateEvening }, 'Europe/Brussels')).toBe('2026-12-07');
    expect(runDay({ startedAt: null, createdAt: lateEvening }, 'America/New_York')).toBe('2026-12-06');
    expect(dayIn(new Date(2026, 5, 1, 12))).toBe('2026-06-01');
    expect(dayIn(new Date(2026, 5, 1, 12), 'Not/AZone')).toBe('2026-06-01');
  });

  it('draws bars relative to the largest plan, never invisible', () => {
    expect(planBarWidths([{ count: 10 }, { count: 5 }, { count: 0 }, { count: 1000 }])).toEqual([2, 2, 2, 100]);
    expect(planBarWidths([{ count: 4 }, { count: 3 }])).toEqual([100, 75]);
    expect(planBarWidths([{ count: 0 }])).toEqual([0]);
  });
});

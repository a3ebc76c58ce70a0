import { demoSeedRefusal } from './demo-seed-policy';

describe('demoSeedRefusal', () => {
  it('refuses to seed demo staff in production', () => {
    expect(demoSeedRefusal('production')).toMatch(/refuses to run with NODE_ENV=production/);
  });

  it.each(['development', 'test', undefined])('lets %s seed', (nodeEnv) => {
    expect(demoSeedRefusal(nodeEnv)).toBeNull();
  });
});

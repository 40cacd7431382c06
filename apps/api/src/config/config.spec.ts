import { buildDataSourceOptions } from '../database/data-source';
import { ConfigError, loadConfig } from './config';

const poolMax = (options: ReturnType<typeof buildDataSourceOptions>) => (options.extra as { max: number }).max;

describe('DATABASE_POOL_SIZE', () => {
  it('defaults to 20 connections', () => {
    const config = loadConfig({});
    expect(config.databasePoolSize).toBe(20);
    expect(poolMax(buildDataSourceOptions('postgres://db/preauth', config.databasePoolSize))).toBe(20);
  });

  it('sets the most connections the app pool opens', () => {
    const config = loadConfig({ DATABASE_POOL_SIZE: '6' });
    expect(config.databasePoolSize).toBe(6);
    expect(poolMax(buildDataSourceOptions('postgres://db/preauth', config.databasePoolSize))).toBe(6);
  });

  it.each(['0', '-3', '2.5', 'many', '201'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: value })).toThrow(/DATABASE_POOL_SIZE/);
  });
});

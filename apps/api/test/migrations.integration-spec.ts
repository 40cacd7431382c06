import { pendingSchemaChanges } from '../src/database/data-source';
import { createTestDatabase, TestDatabase } from './helpers/create-test-database';

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  // The template was built by running every migration; if the entities want anything more,
  // someone changed an entity without writing its migration (`npm run migration:generate`).
  it('leave nothing for the entities to change', async () => {
    const pending = await pendingSchemaChanges(database.url);
    expect(pending.up).toEqual([]);
  });
});

import { assigneeLabel } from './assignee';

describe('assigneeLabel', () => {
  it('names the colleague a task is asked of', () => {
    expect(assigneeLabel({ assigneeUser: { id: 'u1', name: 'Dana Reyes' }, assigneeRole: null })).toBe('Dana Reyes');
  });

  it('names the role when no one in particular is asked', () => {
    expect(assigneeLabel({ assigneeUser: null, assigneeRole: 'physician' })).toBe('Any physician');
  });
});

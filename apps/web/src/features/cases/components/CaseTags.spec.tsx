import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestClient, renderWithProviders } from '../../../test-utils';
import { caseKeys } from '../api/case-keys';
import { CaseTags } from './CaseTags';

function renderCaseTags(tags: string[]) {
  const client = createTestClient();
  client.setQueryData(caseKeys.tags(), [{ tag: 'needs photos', count: 4 }]);
  renderWithProviders(<CaseTags caseId="c1" tags={tags} />, client);
}

describe('CaseTags', () => {
  it('keeps the header short until someone adds a tag: a button opens the box, focused; Escape puts it away', async () => {
    const user = userEvent.setup({ delay: null });
    renderCaseTags([]);
    expect(screen.queryByLabelText('Add a tag', { selector: 'input' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '+ Add tag' }));
    const input = screen.getByLabelText('Add a tag', { selector: 'input' });
    expect(input).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Add a tag', { selector: 'input' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '+ Add tag' })).toBeInTheDocument();
  });

  it('shows the case’s tags beside the button', () => {
    renderCaseTags(['VIP callback']);
    expect(screen.getByText('VIP callback')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '+ Add tag' })).toBeInTheDocument();
  });
});

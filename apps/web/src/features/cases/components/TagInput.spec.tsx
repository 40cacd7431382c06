import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestClient, renderWithProviders } from '../../../test-utils';
import { caseKeys } from '../api/case-keys';
import { TagInput } from './TagInput';

function renderTagInput(has: string[] = []) {
  const client = createTestClient();
  client.setQueryData(caseKeys.tags(), [
    { tag: 'needs photos', count: 4 },
    { tag: 'Waiting on PCP', count: 2 },
  ]);
  const onAdd = jest.fn().mockResolvedValue(undefined);
  renderWithProviders(<TagInput onAdd={onAdd} has={has} />, client);
  return { onAdd, input: screen.getByLabelText('Tag', { selector: 'input' }) };
}

describe('TagInput', () => {
  it('refuses a tag the domain refuses, in its words, and sends nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const { onAdd, input } = renderTagInput();
    await user.type(input, 'PCP, derm{Enter}');
    expect(screen.getByText('Tag has a comma (commas separate tags)')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'x'.repeat(41));
    expect(screen.getByText('Tag is longer than 40 characters')).toBeInTheDocument();
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('adds the tag as the domain keeps it, and empties the box', async () => {
    const user = userEvent.setup({ delay: null });
    const { onAdd, input } = renderTagInput();
    await user.type(input, '  VIP   callback {Enter}');
    expect(onAdd).toHaveBeenCalledWith('VIP callback');
    expect(input).toHaveValue('');
  });

  it('offers the tags in use that the case does not have yet', async () => {
    const user = userEvent.setup({ delay: null });
    const { input } = renderTagInput(['NEEDS PHOTOS']);
    await user.type(input, 'n');
    expect(await screen.findByRole('option', { name: 'Waiting on PCP', hidden: true })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'needs photos', hidden: true })).not.toBeInTheDocument();
  });
});

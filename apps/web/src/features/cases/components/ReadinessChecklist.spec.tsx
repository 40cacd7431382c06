import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import { ReadinessChecklist } from './ReadinessChecklist';

const items = [
  {
    id: 'medical_necessity',
    label: 'A medical-necessity criterion is documented',
    passed: false,
    reason: 'Document at least one criterion (bleeding, pain, …).',
    field: 'findings',
  },
  { id: 'diagnosis', label: 'A diagnosis supports each procedure', passed: true, field: 'diagnoses' },
  {
    id: 'photos',
    label: 'Clinical photos are attached',
    passed: false,
    reason: 'Attach at least one photo.',
    field: 'photos',
  },
];

describe('ReadinessChecklist', () => {
  it('shows what is missing, why, and links to the section that fixes it', async () => {
    const user = userEvent.setup({ delay: null });
    const onFix = jest.fn();
    renderWithProviders(<ReadinessChecklist ready={false} items={items} onFix={onFix} />);
    expect(screen.getByText('2 of 3 missing')).toBeInTheDocument();
    expect(screen.getByTestId('readiness-medical_necessity')).toHaveTextContent(
      'Missing: A medical-necessity criterion is documented',
    );
    expect(screen.getByText('Document at least one criterion (bleeding, pain, …).')).toBeInTheDocument();
    expect(screen.getByTestId('readiness-diagnosis')).toHaveTextContent('Done: A diagnosis supports each procedure');
    await user.click(screen.getByRole('button', { name: 'Fix it: go to the findings' }));
    expect(onFix).toHaveBeenCalledWith('findings');
    // Photos are not edited on this page: no link that leads nowhere.
    expect(screen.getAllByRole('button')).toHaveLength(1);
  });

  it('says when the case is ready to submit', () => {
    renderWithProviders(<ReadinessChecklist ready items={items.map((item) => ({ ...item, passed: true }))} />);
    expect(screen.getByText('Ready to submit')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

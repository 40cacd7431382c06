import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import type { ClinicProfile } from '../api/clinic-profile';
import { ClinicProfileForm } from './ClinicProfileForm';

const put = jest.fn();
jest.mock('../../../app/api', () => ({ api: { PUT: (...args: unknown[]) => put(...args) } }));

jest.setTimeout(20_000);

const EMPTY: ClinicProfile = {
  configured: false,
  practiceName: '',
  addressLine1: '',
  addressLine2: null,
  city: '',
  state: '',
  postalCode: '',
  phone: '',
  fax: '',
  groupNpi: null,
  taxId: null,
  timeZone: 'America/New_York',
  logo: null,
  updatedAt: null,
};

describe('ClinicProfileForm', () => {
  beforeEach(() => put.mockReset());

  it('checks the fields with the API’s rules before sending: group NPI check digit, tax id, state', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<ClinicProfileForm profile={EMPTY} readOnly={false} />);
    await user.type(screen.getByLabelText(/Group NPI/), '1417293388');
    await user.type(screen.getByLabelText(/Tax ID/), '012345678');
    await user.type(screen.getByLabelText(/^State/), 'Maine');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Must be a 10-digit NPI with a valid check digit.')).toBeInTheDocument();
    expect(screen.getByText('Must be an employer identification number written 12-3456789.')).toBeInTheDocument();
    expect(screen.getByText('Must be a two-letter state code such as ME.')).toBeInTheDocument();
    expect(screen.getAllByText('Is required.').length).toBeGreaterThanOrEqual(5);
    expect(put).not.toHaveBeenCalled();
  });

  it('sends a valid profile trimmed, blanks as null and the state in capitals', async () => {
    const user = userEvent.setup({ delay: null });
    put.mockResolvedValue({ data: { ...EMPTY, configured: true }, response: { ok: true, status: 200 } });
    renderWithProviders(<ClinicProfileForm profile={EMPTY} readOnly={false} />);
    await user.type(screen.getByLabelText(/Practice name/), ' Casco Bay Dermatology ');
    await user.type(screen.getByLabelText(/Street address/), '120 Exchange Street');
    await user.type(screen.getByLabelText(/^City/), 'Portland');
    await user.type(screen.getByLabelText(/^State/), 'me');
    await user.type(screen.getByLabelText(/ZIP code/), '04101');
    await user.type(screen.getByLabelText(/^Phone/), '(207) 555-0140');
    await user.type(screen.getByLabelText(/^Fax/), '(207) 555-0141');
    await user.type(screen.getByLabelText(/Group NPI/), '1417293382');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(put).toHaveBeenCalled());
    expect(put.mock.calls[0][1]).toEqual({
      body: {
        practiceName: 'Casco Bay Dermatology',
        addressLine1: '120 Exchange Street',
        addressLine2: null,
        city: 'Portland',
        state: 'ME',
        postalCode: '04101',
        phone: '(207) 555-0140',
        fax: '(207) 555-0141',
        groupNpi: '1417293382',
        taxId: null,
      },
    });
  });

  it('shows the profile without a save button to someone who may not change it', () => {
    renderWithProviders(
      <ClinicProfileForm profile={{ ...EMPTY, configured: true, practiceName: 'Casco Bay Dermatology' }} readOnly />,
    );
    expect(screen.getByLabelText(/Practice name/)).toHaveValue('Casco Bay Dermatology');
    expect(screen.getByLabelText(/Practice name/)).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save profile' })).not.toBeInTheDocument();
  });
});

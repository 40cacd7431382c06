import { ApiError } from '@preauth/api-client';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PAYER_ID, PROVIDER_ID, renderWithProviders } from '../../../test-utils';
import { CASE_FORM_FIELDS, CLINICAL_FORM_FIELDS, emptyCaseForm, type CaseFormValues } from '../model/case-form-schema';
import { CaseForm } from './CaseForm';

jest.setTimeout(30_000);

// Mantine's comboboxes label their listbox too; the input is the one to type in.
function inputLabelled(name: RegExp): HTMLInputElement {
  const input = screen.getAllByLabelText(name).find((element) => element.tagName === 'INPUT');
  if (!input) throw new Error(`No input labelled ${name}`);
  return input as HTMLInputElement;
}

function validValues(): CaseFormValues {
  return {
    ...emptyCaseForm(),
    patientId: '00000000-0000-4000-8000-000000000003',
    payerId: PAYER_ID,
    providerId: PROVIDER_ID,
    procedureLines: [{ cpt: '10040', units: 1, bodySite: 'Left cheek', lesionCount: 12 }],
    diagnoses: ['L72.0'],
  };
}

function renderEdit(
  onSubmit = jest.fn().mockResolvedValue(undefined),
  options: { mayWriteClinical?: boolean; onReload?: () => Promise<CaseFormValues | undefined> } = {},
) {
  renderWithProviders(
    <CaseForm
      mode="edit"
      defaultValues={validValues()}
      editableFields={[...CASE_FORM_FIELDS]}
      mayWriteClinical={options.mayWriteClinical ?? true}
      onSubmit={onSubmit}
      onReload={options.onReload}
      submitLabel="Save changes"
    />,
  );
  return onSubmit;
}

describe('CaseForm', () => {
  it('checks the CPT format as the user types, with the rule the server uses', async () => {
    const user = userEvent.setup({ delay: null });
    renderEdit();
    const cpt = inputLabelled(/CPT code/);
    await user.clear(cpt);
    await user.type(cpt, '171');
    await user.tab();
    expect(await screen.findByText('A CPT code is 5 characters, such as 17110 or 0479T.')).toBeInTheDocument();
    await user.type(cpt, '10');
    await waitFor(() =>
      expect(screen.queryByText('A CPT code is 5 characters, such as 17110 or 0479T.')).not.toBeInTheDocument(),
    );
  });

  it('never turns free text into a diagnosis code, and says when nothing matches', async () => {
    const user = userEvent.setup({ delay: null });
    renderEdit();
    const diagnoses = inputLabelled(/Diagnosis codes/);
    const chips = () => screen.queryAllByText('L72.0').filter((element) => element.closest('.mantine-Pill-root'));
    expect(chips()).toHaveLength(1);
    await user.type(diagnoses, '{backspace}');
    expect(chips()).toHaveLength(0);
    await user.type(diagnoses, 'XYZ{enter}');
    expect(await screen.findByText('No matching code')).toBeInTheDocument();
    expect(diagnoses).toHaveValue('XYZ');
    expect(screen.queryByText('XYZ', { selector: '.mantine-Pill-label' })).not.toBeInTheDocument();
    await user.clear(diagnoses);
    await user.type(diagnoses, 'milia');
    expect(await screen.findByText('Epidermal cyst')).toBeInTheDocument();
    expect(screen.getByText(/“milia”: To be confirmed by the coder/)).toBeInTheDocument();
    await user.keyboard('{enter}');
    await waitFor(() => expect(diagnoses).toHaveValue(''));
    expect(chips()).toHaveLength(1);
  });

  it('refuses an empty body site before calling the server', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = renderEdit();
    await user.clear(screen.getByRole('textbox', { name: /Body site/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Say where on the body.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server’s field errors next to the field they name', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest.fn().mockRejectedValue(
      new ApiError(400, {
        statusCode: 400,
        errors: [{ field: 'procedureLines.0.bodySite', reason: 'must be shorter than or equal to 120 characters' }],
      }),
    );
    renderEdit(onSubmit);
    const site = screen.getByRole('textbox', { name: /Body site/ });
    await user.type(site, ' and neck');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Must be shorter than or equal to 120 characters')).toBeInTheDocument();
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ procedureLines: [expect.objectContaining({ bodySite: 'Left cheek and neck' })] }),
      ['procedureLines'],
    );
    expect(site).toHaveAttribute('aria-invalid', 'true');
  });

  it('on a stale version says someone changed the case and keeps what the user typed', async () => {
    const user = userEvent.setup({ delay: null });
    // Meanwhile someone else recorded the payer's reference number.
    const onReload = jest.fn().mockResolvedValue({ ...validValues(), payerReference: 'REF-9' });
    const onSubmit = jest
      .fn()
      .mockRejectedValue(new ApiError(409, { statusCode: 409, code: 'stale_version', message: 'stale' } as never));
    renderEdit(onSubmit, { onReload });
    const site = screen.getByRole('textbox', { name: /Body site/ });
    await user.type(site, ', right side');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Someone changed this case — reload')).toBeInTheDocument();
    expect(site).toHaveValue('Left cheek, right side');
    await user.click(screen.getByRole('button', { name: 'Reload the case' }));
    expect(onReload).toHaveBeenCalled();
    expect(site).toHaveValue('Left cheek, right side');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Payer tracking number/ })).toHaveValue('REF-9'));
    expect(screen.queryByText('Someone changed this case — reload')).not.toBeInTheDocument();
  });

  it('flags cosmetic-risk codes', async () => {
    const user = userEvent.setup({ delay: null });
    renderEdit();
    const cpt = inputLabelled(/CPT code/);
    await user.clear(cpt);
    await user.type(cpt, '15780');
    expect(await screen.findByText('Cosmetic-risk code')).toBeInTheDocument();
  });

  it('hides clinical findings from front desk when creating, and says why', () => {
    renderWithProviders(
      <CaseForm
        mode="create"
        defaultValues={emptyCaseForm()}
        editableFields={CASE_FORM_FIELDS.filter((field) => !CLINICAL_FORM_FIELDS.includes(field))}
        mayWriteClinical={false}
        onSubmit={jest.fn()}
        submitLabel="Create case"
      />,
    );
    expect(screen.getByTestId('clinical-hidden')).toHaveTextContent('Front desk cannot record clinical findings');
    expect(screen.queryByRole('group', { name: 'Medical necessity findings' })).not.toBeInTheDocument();
  });

  it('asks for the patient, payer and physician on a new case', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest.fn();
    renderWithProviders(
      <CaseForm
        mode="create"
        defaultValues={emptyCaseForm()}
        editableFields={[...CASE_FORM_FIELDS]}
        mayWriteClinical
        onSubmit={onSubmit}
        submitLabel="Create case"
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Create case' }));
    expect(await screen.findByText('Choose the patient or add a new one.')).toBeInTheDocument();
    expect(screen.getByText('Choose the payer.')).toBeInTheDocument();
    expect(screen.getByText('Choose the physician.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

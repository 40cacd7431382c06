import { ApiError } from '@preauth/api-client';
import { addDaysToDate, toLocalDate, type AnsweredEvent } from '@preauth/domain';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CLINIC_TIME_ZONE } from '../../../app/clinic';
import { renderWithProviders } from '../../../test-utils';
import type { CaseAction } from '../api/types';
import { toTransitionBody } from '../model/transition-schema';
import { TransitionForm } from './TransitionForm';

jest.setTimeout(30_000);

const deny: CaseAction = {
  to: 'denied',
  action: 'deny',
  label: 'Record denial',
  allowedForRole: true,
  blockedBy: [],
  enabled: true,
};
const approve: CaseAction = {
  to: 'approved',
  action: 'approve',
  label: 'Record approval',
  allowedForRole: true,
  blockedBy: [],
  enabled: true,
};
const appeal: CaseAction = {
  to: 'appealed',
  action: 'appeal',
  label: 'File appeal',
  allowedForRole: true,
  blockedBy: [],
  enabled: true,
};

const selfPayAfterDenial: CaseAction = {
  to: 'self_pay',
  action: 'accept_denial',
  label: 'Self-pay: CO-50 denial final',
  allowedForRole: true,
  blockedBy: [],
  enabled: true,
};

function inputLabelled(name: RegExp): HTMLInputElement {
  const input = screen
    .getAllByLabelText(name)
    .find((element) => element.tagName === 'INPUT' || element.tagName === 'TEXTAREA');
  if (!input) throw new Error(`No input labelled ${name}`);
  return input as HTMLInputElement;
}

function renderForm(
  action: CaseAction,
  onSubmit = jest.fn().mockResolvedValue(undefined),
  currentAppealLevel = 0,
  answers: AnsweredEvent | null = null,
) {
  renderWithProviders(
    <TransitionForm
      action={action}
      currentAppealLevel={currentAppealLevel}
      answers={answers}
      onSubmit={onSubmit}
      onCancel={jest.fn()}
      onReload={jest.fn()}
    />,
  );
  return onSubmit;
}

describe('TransitionForm', () => {
  it('a denial needs a CARC reason code in the CARC format', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = renderForm(deny);
    await user.click(screen.getByRole('button', { name: 'Record denial' }));
    expect(await screen.findByText('A denial needs a CARC reason code such as CO-50.')).toBeInTheDocument();
    await user.type(inputLabelled(/Denial reason/), 'XX-1');
    expect(
      await screen.findByText('"XX-1" is not a CARC reason code; use a group code and reason such as CO-50.'),
    ).toBeInTheDocument();
    await user.clear(inputLabelled(/Denial reason/));
    await user.type(inputLabelled(/Denial reason/), 'co-50');
    await user.click(screen.getByRole('button', { name: 'Record denial' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(toTransitionBody('denied', onSubmit.mock.calls[0][0])).toEqual({ to: 'denied', denialCode: 'CO-50' });
  });

  it('self-pay needs the decision and an estimate in dollars, sent as cents', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = renderForm(selfPayAfterDenial);
    await user.type(inputLabelled(/Estimate \(USD\)/), '4.505');
    await user.click(screen.getByRole('button', { name: 'Self-pay: CO-50 denial final' }));
    expect(await screen.findByText(/Record the decision/)).toBeInTheDocument();
    expect(screen.getByText(/Record the estimate the patient will pay/)).toBeInTheDocument();
    expect(screen.getByText(/Describe what the estimate covers/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.type(inputLabelled(/The decision/), 'Patient declined to appeal');
    await user.clear(inputLabelled(/Estimate \(USD\)/));
    await user.type(inputLabelled(/Estimate \(USD\)/), '1,250.5');
    await user.type(inputLabelled(/What the estimate covers/), '17110, 12 milia');
    await user.click(screen.getByLabelText(/The patient declines to appeal/));
    await user.click(screen.getByRole('button', { name: 'Self-pay: CO-50 denial final' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(toTransitionBody('self_pay', onSubmit.mock.calls[0][0])).toEqual({
      to: 'self_pay',
      reason: 'Patient declined to appeal',
      estimateCents: 125_050,
      estimateCurrency: 'USD',
      estimateDescription: '17110, 12 milia',
      appealsDeclined: true,
    });
  });

  it('an approval needs the authorization number and a validity window that does not end before it starts', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = renderForm(approve);
    await user.type(inputLabelled(/Valid from/), '2026-12-10');
    await user.type(inputLabelled(/Valid to/), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Record approval' }));
    expect(await screen.findByText("An approval needs the payer's authorization number.")).toBeInTheDocument();
    expect(
      screen.getByText('The validity window ends (2026-12-01) before it starts (2026-12-10).'),
    ).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('an appeal needs a letter or new documentation and defaults to the next level', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = renderForm(appeal, undefined, 1);
    expect(inputLabelled(/Appeal level/)).toHaveValue('Level 2 (second internal appeal)');
    await user.click(screen.getByRole('button', { name: 'File appeal' }));
    expect(
      await screen.findByText('An appeal needs a letter of medical necessity or new documentation.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Letter of medical necessity attached' }));
    await user.click(screen.getByRole('button', { name: 'File appeal' }));
    expect(toTransitionBody('appealed', onSubmit.mock.calls[0][0])).toEqual({
      to: 'appealed',
      appealLevel: 2,
      letterAttached: true,
      newDocumentation: false,
    });
  });

  it('refuses a date before the event it answers, in the words of the domain guard', async () => {
    const user = userEvent.setup({ delay: null });
    // Late in the clinic's day, so the same day's midday would come before it.
    const submittedOn = addDaysToDate(toLocalDate(new Date(), CLINIC_TIME_ZONE), -10);
    const at = new Date(Date.parse(`${submittedOn}T22:30:00-05:00`)).toISOString();
    const submission = { label: 'the submission', at };
    const onSubmit = renderForm(deny, undefined, 0, submission);
    const date = inputLabelled(/Date it happened/);
    expect(date).toHaveAttribute('min', toLocalDate(at, CLINIC_TIME_ZONE));
    await user.type(inputLabelled(/Denial reason/), 'CO-50');
    await user.type(date, addDaysToDate(toLocalDate(at, CLINIC_TIME_ZONE), -1));
    await user.click(screen.getByRole('button', { name: 'Record denial' }));
    expect(
      await screen.findByText(
        `The event cannot be dated before the submission it answers (${toLocalDate(at, CLINIC_TIME_ZONE)}).`,
      ),
    ).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.clear(date);
    await user.type(date, toLocalDate(at, CLINIC_TIME_ZONE));
    await user.click(screen.getByRole('button', { name: 'Record denial' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    // The day of the submission is sent no earlier than the submission itself.
    expect(toTransitionBody('denied', onSubmit.mock.calls[0][0], submission).occurredAt).toBe(at);
  });

  it('lists the guard reasons of a 422 and puts 400 field errors next to their field', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest
      .fn()
      .mockRejectedValueOnce(
        new ApiError(422, {
          statusCode: 422,
          reasons: ['The appeal window closed on 2026-10-01 (180 days after the denial notice).'],
        }),
      )
      .mockRejectedValueOnce(
        new ApiError(400, {
          statusCode: 400,
          errors: [{ field: 'denialCode', reason: 'must be shorter than or equal to 10 characters' }],
        }),
      );
    renderForm(deny, onSubmit);
    await user.type(inputLabelled(/Denial reason/), 'CO-50');
    await user.click(screen.getByRole('button', { name: 'Record denial' }));
    expect(
      await screen.findByText('The appeal window closed on 2026-10-01 (180 days after the denial notice).'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record denial' }));
    expect(await screen.findByText('Must be shorter than or equal to 10 characters')).toBeInTheDocument();
    expect(inputLabelled(/Denial reason/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('keeps the input on a conflict and offers to reload', async () => {
    const user = userEvent.setup({ delay: null });
    renderForm(
      deny,
      jest.fn().mockRejectedValue(new ApiError(409, { statusCode: 409, code: 'stale_version' } as never)),
    );
    await user.type(inputLabelled(/Denial reason/), 'CO-50');
    await user.type(inputLabelled(/Denial wording/), 'Cosmetic');
    await user.click(screen.getByRole('button', { name: 'Record denial' }));
    expect(await screen.findByText('Someone changed this case — reload')).toBeInTheDocument();
    expect(inputLabelled(/Denial reason/)).toHaveValue('CO-50');
    expect(inputLabelled(/Denial wording/)).toHaveValue('Cosmetic');
  });
});

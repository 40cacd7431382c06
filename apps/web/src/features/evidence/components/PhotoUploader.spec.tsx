import { ApiError } from '@preauth/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import { uploadPhoto } from '../api/upload-photo';
import { PhotoUploader } from './PhotoUploader';

jest.mock('../api/upload-photo');
const mockedUpload = jest.mocked(uploadPhoto);

const CASE_ID = '00000000-0000-4000-8000-0000000000aa';

function item(name: string): HTMLElement {
  return screen.getByRole('region', { name: `Upload of ${name}` });
}

describe('PhotoUploader', () => {
  beforeEach(() => mockedUpload.mockReset());

  it('asks for each file’s fields, then shows its progress or the API’s reason for refusing it', async () => {
    // The file button asks for images, but a drop takes anything: let the API judge the PDF.
    const user = userEvent.setup({ delay: null, applyAccept: false });
    mockedUpload.mockImplementation((_caseId, file, _fields, options) => {
      if (file.name === 'notes.pdf') {
        return Promise.reject(
          new ApiError(415, {
            statusCode: 415,
            message: 'This is not an image we accept: send a JPEG, PNG, WebP or HEIC photo.',
          }),
        );
      }
      options?.onProgress?.(0.42);
      return new Promise(() => undefined); // still uploading
    });
    renderWithProviders(<PhotoUploader caseId={CASE_ID} defaultBodySite="Left cheek" defaultLesionCount={9} />);

    const cheek = new File(['jpeg bytes'], 'cheek.jpg', { type: 'image/jpeg' });
    const pdf = new File(['%PDF'], 'notes.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText('Choose photos to upload'), [cheek, pdf]);

    // Each file gets its own fields, prefilled from the case.
    expect(within(item('cheek.jpg')).getByLabelText(/Body site/)).toHaveValue('Left cheek');
    expect(within(item('notes.pdf')).getByLabelText(/Lesion count/)).toHaveValue('9');
    expect(within(item('cheek.jpg')).getByLabelText<HTMLInputElement>(/Taken on/).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await user.clear(within(item('cheek.jpg')).getByLabelText(/Body site/));
    expect(within(item('cheek.jpg')).getByRole('button', { name: 'Upload' })).toBeDisabled();
    await user.type(within(item('cheek.jpg')).getByLabelText(/Body site/), 'Right cheek');
    await user.type(within(item('cheek.jpg')).getByLabelText(/Caption/), 'Before treatment');

    await user.click(within(item('cheek.jpg')).getByRole('button', { name: 'Upload' }));
    await user.click(within(item('notes.pdf')).getByRole('button', { name: 'Upload' }));

    expect(mockedUpload).toHaveBeenCalledWith(
      CASE_ID,
      cheek,
      expect.objectContaining({ bodySite: 'Right cheek', lesionCount: 9, caption: 'Before treatment' }),
      expect.anything(),
    );
    const progress = within(item('cheek.jpg')).getByRole('progressbar', { name: 'Uploading cheek.jpg' });
    expect(progress).toHaveAttribute('aria-valuenow', '42');
    expect(within(item('cheek.jpg')).queryByRole('alert')).not.toBeInTheDocument();

    const refusal = await within(item('notes.pdf')).findByRole('alert');
    expect(refusal).toHaveTextContent('This is not an image we accept');
    expect(within(item('notes.pdf')).getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(within(item('notes.pdf')).queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('offers the camera: a second button whose input asks for the rear camera', async () => {
    const user = userEvent.setup({ delay: null });
    mockedUpload.mockImplementation(() => new Promise(() => undefined));
    renderWithProviders(<PhotoUploader caseId={CASE_ID} />);
    const camera = screen.getByLabelText('Take a photo with the camera');
    expect(camera.getAttribute('capture')).toBe('environment');
    expect(camera.hasAttribute('multiple')).toBe(false);
    await user.upload(camera, new File(['jpeg bytes'], 'lesion.jpg', { type: 'image/jpeg' }));
    expect(item('lesion.jpg')).toBeTruthy();
  });
});

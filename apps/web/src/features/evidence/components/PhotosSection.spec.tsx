import type { Role } from '@preauth/domain';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestClient, renderWithProviders } from '../../../test-utils';
import { evidenceKeys } from '../api/evidence-keys';
import type { Photo } from '../api/types';
import { PhotosSection } from './PhotosSection';

const CASE_ID = '00000000-0000-4000-8000-0000000000aa';
const UPLOADER = '00000000-0000-4000-8000-0000000000c1';
const photo: Photo = {
  id: '00000000-0000-4000-8000-0000000000d1',
  caseId: CASE_ID,
  bodySite: 'Left lower eyelid',
  lesionCount: 3,
  takenAt: '2026-11-20T17:00:00.000Z',
  caption: 'Before treatment',
  fileName: 'eyelid.jpg',
  contentType: 'image/jpeg',
  width: 640,
  height: 480,
  byteSize: 40_000,
  originalSha256: 'ab',
  uploadedBy: { id: UPLOADER, name: 'Dana Whitfield, MD' },
  createdAt: '2026-11-20T18:00:00.000Z',
  url: `/api/photos/p1`,
  thumbnailUrl: `/api/photos/p1/thumbnail`,
};

function renderSection(me: { id: string; roles: Role[] }) {
  const client = createTestClient();
  client.setQueryData(evidenceKeys.photos(CASE_ID), [photo]);
  renderWithProviders(<PhotosSection caseId={CASE_ID} me={me} />, client);
}

describe('PhotosSection', () => {
  it('shows each photo with its body site, lesion count and date, and opens it in a viewer', async () => {
    const user = userEvent.setup({ delay: null });
    renderSection({ id: 'someone-else', roles: ['front_desk'] });
    const thumb = screen.getByRole('button', { name: 'View photo: Left lower eyelid, 3 lesions, taken Nov 20, 2026' });
    expect(thumb).toHaveTextContent('3 lesions · Nov 20, 2026');
    // Front desk neither uploads nor deletes.
    expect(screen.queryByLabelText('Choose photos to upload')).not.toBeInTheDocument();
    await user.click(thumb);
    expect(await screen.findByRole('img', { name: /Photo: Left lower eyelid/ })).toHaveAttribute(
      'src',
      '/api/photos/p1',
    );
    expect(screen.queryByRole('button', { name: 'Delete photo…' })).not.toBeInTheDocument();
  });

  it.each<[string, { id: string; roles: Role[] }]>([
    ['the uploader', { id: UPLOADER, roles: ['physician'] }],
    ['a manager', { id: 'manager-id', roles: ['manager'] }],
  ])('lets %s delete a photo after a confirm', async (_who, me) => {
    const user = userEvent.setup({ delay: null });
    renderSection(me);
    await user.click(screen.getByRole('button', { name: /View photo/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete photo…' }));
    expect(screen.getByText('Delete this photo?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByText('Delete this photo?')).not.toBeInTheDocument();
  });

  it('does not offer another physician’s photo for deletion', async () => {
    const user = userEvent.setup({ delay: null });
    renderSection({ id: 'other-physician', roles: ['physician'] });
    expect(screen.getByLabelText('Choose photos to upload')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /View photo/ }));
    await screen.findByRole('img', { name: /Photo: Left lower eyelid/ });
    expect(screen.queryByRole('button', { name: 'Delete photo…' })).not.toBeInTheDocument();
  });
});

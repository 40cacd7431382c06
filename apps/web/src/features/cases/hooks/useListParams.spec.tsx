import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { useListParams } from './useListParams';

function wrapper({ children }: { children: ReactNode }) {
  return <MemoryRouter initialEntries={['/cases?urgency=expedited']}>{children}</MemoryRouter>;
}

function useListWithLocation() {
  const [params, update] = useListParams();
  return { params, update, search: useLocation().search, navigate: useNavigate() };
}

describe('useListParams', () => {
  it('builds a change made before the previous one is rendered on that one, not on the page shown', () => {
    const { result } = renderHook(useListWithLocation, { wrapper });
    const update = result.current.update;
    act(() => {
      // Both with the function of the first render, as a click during a pending navigation does.
      update({ status: ['submitted'] });
      update({ sort: 'due_asc' });
    });
    expect(result.current.params).toMatchObject({ urgency: 'expedited', status: ['submitted'], sort: 'due_asc' });
    expect(new URLSearchParams(result.current.search).get('status')).toBe('submitted');
  });

  it('follows the URL when it moves by itself (Back, a link): the next change builds on that URL', async () => {
    const { result } = renderHook(useListWithLocation, { wrapper });
    act(() => result.current.update({ status: ['denied'] }));
    await act(async () => {
      await result.current.navigate('/cases?payerId=5f0c7a52-3d4e-4a8e-9c59-0a4a3b1d2e6f&page=3');
    });
    act(() => result.current.update({ sort: 'due_asc' }));
    expect(result.current.params).toEqual({ payerId: '5f0c7a52-3d4e-4a8e-9c59-0a4a3b1d2e6f', sort: 'due_asc' });
  });
});

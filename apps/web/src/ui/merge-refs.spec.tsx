import { render } from '@testing-library/react';
import { createRef } from 'react';
import { useMergeRefs } from './merge-refs';

function Merged({ refs }: { refs: Parameters<typeof useMergeRefs<HTMLDivElement>>[0] }) {
  return <div data-testid="merged" ref={useMergeRefs(refs)} />;
}

describe('useMergeRefs (for Mantine ScrollArea, in place of floating-ui)', () => {
  it('gives the element to every ref, object or callback, and takes it back on unmount', () => {
    const object = createRef<HTMLDivElement>();
    const callback = jest.fn();
    const { getByTestId, unmount } = render(<Merged refs={[object, undefined, callback]} />);
    const element = getByTestId('merged');
    expect(object.current).toBe(element);
    expect(callback).toHaveBeenLastCalledWith(element);
    unmount();
    expect(object.current).toBeNull();
    expect(callback).toHaveBeenLastCalledWith(null);
  });
});

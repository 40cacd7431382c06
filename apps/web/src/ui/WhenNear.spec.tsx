import { act, fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../test-utils';
import { WhenNear } from './WhenNear';

// jsdom has no IntersectionObserver: this one reports what the test says comes into view.
let observed: { callback: IntersectionObserverCallback; options?: IntersectionObserverInit }[] = [];
class FakeIntersectionObserver {
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    observed.push({ callback, options });
  }
  observe() {}
  disconnect() {}
}

function section() {
  return (
    <WhenNear id="case-section-photos" label="Loading photos…">
      <section id="case-section-photos" tabIndex={-1} aria-label="Photos">
        <button type="button">Upload</button>
      </section>
    </WhenNear>
  );
}

describe('WhenNear', () => {
  beforeEach(() => {
    observed = [];
    Object.assign(window, { IntersectionObserver: FakeIntersectionObserver });
    window.location.hash = '';
  });
  afterEach(() => {
    delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
  });

  it('shows a placeholder until the place comes near the viewport, then the section', () => {
    renderWithProviders(section());
    expect(screen.getByText('Loading photos…')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Photos' })).toBeNull();
    expect(observed[0].options?.rootMargin).toBe('50% 0px');

    act(() => observed[0].callback([{ isIntersecting: false } as IntersectionObserverEntry], {} as never));
    expect(screen.queryByRole('region', { name: 'Photos' })).toBeNull();
    act(() => observed[0].callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as never));
    expect(screen.getByRole('region', { name: 'Photos' })).toBeTruthy();
    expect(screen.queryByText('Loading photos…')).toBeNull();
  });

  it('renders at once when the URL leads to it', () => {
    window.location.hash = '#case-section-photos';
    renderWithProviders(section());
    expect(screen.getByRole('region', { name: 'Photos' })).toBeTruthy();
  });

  it.each([
    ['Ctrl+F', { key: 'f', ctrlKey: true }],
    ['Cmd+F', { key: 'f', metaKey: true }],
    ['F3', { key: 'F3' }],
  ])('renders when %s opens the browser’s find in page, which searches only what is rendered', (_, keys) => {
    renderWithProviders(section());
    fireEvent.keyDown(document.body, { key: 'f' });
    expect(screen.queryByRole('region', { name: 'Photos' })).toBeNull();
    fireEvent.keyDown(document.body, keys);
    expect(screen.getByRole('region', { name: 'Photos' })).toBeTruthy();
  });

  it('renders when asked to, far from the viewport', () => {
    const { rerender } = renderWithProviders(section());
    expect(screen.queryByRole('region', { name: 'Photos' })).toBeNull();
    rerender(
      <WhenNear id="case-section-photos" label="Loading photos…" show>
        <section id="case-section-photos" aria-label="Photos" />
      </WhenNear>,
    );
    expect(screen.getByRole('region', { name: 'Photos' })).toBeTruthy();
  });

  it('renders when the keyboard reaches its placeholder, and moves the focus into the section', async () => {
    renderWithProviders(section());
    const placeholder = document.getElementById('case-section-photos');
    expect(placeholder?.tabIndex).toBe(0);
    act(() => placeholder?.focus());
    const photos = await screen.findByRole('region', { name: 'Photos' });
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(document.activeElement).toBe(photos);
  });
});

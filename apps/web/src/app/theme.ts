import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 6 fails WCAG AA contrast with white button text; 8 passes.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

// Text of light badges and alerts: Mantine's shade 9 on its shade-1 background is under 4.5:1
// for several palettes (orange 3.6, lime 3.3, teal 4.3), so these are darker (all ≥ 4.7:1).
const LIGHT_VARIANT_TEXT: Record<string, string> = {
  blue: '#1864ab',
  cyan: '#0b7285',
  grape: '#862e9c',
  gray: '#212529',
  green: '#1f6b2c',
  indigo: '#364fc7',
  lime: '#3d6308',
  orange: '#8a3000',
  pink: '#a61e4d',
  red: '#a51d1d',
  teal: '#06614a',
  violet: '#5f3dc4',
  yellow: '#7a5a00',
};

// Mantine's dimmed text and light badges are too pale on white for AA (4.5:1); darken them.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    ...Object.fromEntries(
      Object.entries(LIGHT_VARIANT_TEXT).map(([color, text]) => [`--mantine-color-${color}-light-color`, text]),
    ),
  },
  dark: {},
});

/**
 * The Mantine theme. Sizes are in rem (Mantine's default), so the UI scales
 * with the zoom level; colours keep text at WCAG AA contrast in both schemes.
 */
import { createTheme } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'indigo',
  // indigo.7 on white and indigo.4 on dark gray both pass AA for text and buttons.
  primaryShade: { light: 7, dark: 4 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Apple Color Emoji", "Segoe UI Emoji", sans-serif',
  cursorType: 'pointer',
  autoContrast: true,
})

/**
 * The Mantine theme. Sizes are in rem (Mantine's default), so the UI scales
 * with the zoom level; colours keep text at WCAG AA contrast in both schemes.
 */
import { Alert, createTheme } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'indigo',
  // indigo.7 behind white text passes AA in both schemes (indigo.4 with white text does not).
  primaryShade: { light: 7, dark: 7 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Apple Color Emoji", "Segoe UI Emoji", sans-serif',
  cursorType: 'pointer',
  autoContrast: true,
  components: {
    // Light alert colours on their tinted background fall under AA; titles use the body text colour.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
  },
})
